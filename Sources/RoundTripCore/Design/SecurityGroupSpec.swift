/// `networkSecurityGroups[]`: a network security group and its rules (azure-semantics §12).
public struct SecurityGroupSpec: Sendable {
    /// Which way a rule applies.
    public enum Direction: String, Sendable, CaseIterable, Hashable {
        /// Traffic entering the subnet or NIC.
        case inbound = "Inbound"
        /// Traffic leaving the NIC or subnet.
        case outbound = "Outbound"
    }
    /// What a rule does with a matching packet.
    public enum Access: String, Sendable, CaseIterable, Hashable {
        /// Let it pass.
        case allow = "Allow"
        /// Drop it.
        case deny = "Deny"
    }
    /// The protocols a rule can name (`*` = TCP, UDP and ICMP).
    public enum RuleProtocol: String, Sendable, CaseIterable, Hashable {
        /// TCP.
        case tcp = "Tcp"
        /// UDP.
        case udp = "Udp"
        /// ICMP.
        case icmp = "Icmp"
        /// IPsec ESP (never matches a traced flow).
        case esp = "Esp"
        /// IPsec AH (never matches a traced flow).
        case ah = "Ah"
        /// Any protocol.
        case any = "*"
    }
    /// One security rule.
    public struct Rule: Sendable {
        /// The rule's name.
        public var name: String
        /// Lower numbers are evaluated first (100–4096).
        public var priority: Int
        /// Inbound or outbound.
        public var direction: Direction
        /// Allow or deny.
        public var access: Access
        /// The protocol it matches.
        public var protocolType: RuleProtocol
        /// Source prefixes, addresses, `*` or service tags (`sourceAddressPrefix` and `sourceAddressPrefixes`).
        public var sourceAddressPrefixes: [String] = []
        /// Source application security groups, by name.
        public var sourceApplicationSecurityGroups: [String] = []
        /// Destination prefixes, addresses, `*` or service tags.
        public var destinationAddressPrefixes: [String] = []
        /// Destination application security groups, by name.
        public var destinationApplicationSecurityGroups: [String] = []
        /// Source port ranges (`*` when not given).
        public var sourcePortRanges: [PortRange] = [.any]
        /// Destination port ranges (`*` when not given).
        public var destinationPortRanges: [PortRange] = [.any]
        /// Where the rule and each of its fields were written.
        public var source: SourceMap

        /// Creates a rule.
        public init(
            name: String, priority: Int, direction: Direction, access: Access, protocolType: RuleProtocol, source: SourceMap
        ) {
            self.name = name
            self.priority = priority
            self.direction = direction
            self.access = access
            self.protocolType = protocolType
            self.source = source
        }
    }

    /// The NSG's name.
    public var name: String
    /// Its own rules (Azure's six default rules are always added and never written).
    public var securityRules: [Rule] = []
    /// Where the NSG and each of its fields were written.
    public var source: SourceMap

    /// Creates an NSG.
    public init(name: String, source: SourceMap) {
        self.name = name
        self.source = source
    }
}

/// `applicationSecurityGroups[]`: a named group of NICs that NSG rules can name.
public struct ApplicationSecurityGroupSpec: Sendable {
    /// The group's name.
    public var name: String
    /// Where it was written.
    public var source: SourceMap

    /// Creates a group.
    public init(name: String, source: SourceMap) {
        self.name = name
        self.source = source
    }
}

/// `bastionHosts[]`: an Azure Bastion host (azure-semantics §14).
public struct BastionSpec: Sendable {
    /// The host's name.
    public var name: String
    /// Its subnet, `VNET/AzureBastionSubnet`.
    public var subnet: String
    /// Its public IP, by name.
    public var publicIPAddress: String?
    /// Its instance addresses (default: two addresses from the subnet).
    public var instanceIPAddresses: [IPv4Address] = []
    /// Where it was written.
    public var source: SourceMap

    /// Creates a host.
    public init(name: String, subnet: String, source: SourceMap) {
        self.name = name
        self.subnet = subnet
        self.source = source
    }
}

/// `accepted[]`: a finding the design's owner reviewed and accepts, with the reason and an optional expiry.
public struct AcceptedSpec: Sendable {
    /// The accepted flow's name, or nil for an entry point.
    public var flow: String?
    /// The accepted entry point, as `check --exhaustive` prints it, or nil for a flow.
    public var entryPoint: String?
    /// The verdict that is accepted.
    public var verdict: Verdict
    /// Why it is accepted (required).
    public var reason: String
    /// The last day the acceptance holds (`YYYY-MM-DD`); after it the finding fails again.
    public var expires: String?
    /// Where it was written.
    public var source: SourceMap

    /// Creates an acceptance.
    public init(verdict: Verdict, reason: String, source: SourceMap) {
        self.verdict = verdict
        self.reason = reason
        self.source = source
    }
}
