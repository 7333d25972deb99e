/// A firewall rule collection's action.
public enum RuleAction: String, Sendable, CaseIterable { case allow = "Allow", deny = "Deny" }

/// An Azure Firewall as written in the design: placement, instances, public IPs and rule collections (`azureFirewalls[]`).
public struct FirewallSpec: Sendable {
    /// A DNAT rule: traffic to a firewall public IP and port is sent on to a translated address and port (`natRuleCollections[].rules[]`).
    public struct NatRule: Sendable {
        /// The DNAT rule's name.
        public var name: String
        /// The protocols the rule matches (TCP, UDP).
        public var protocols: [TransportProtocol]
        /// The sources the rule matches; `*` for any.
        public var sourceAddresses: [String]
        /// The firewall's public IPs the rule listens on, as addresses or public-IP names.
        public var destinationAddresses: [String]
        /// The destination ports the rule matches.
        public var destinationPorts: [PortRange]
        /// The new destination address.
        public var translatedAddress: IPv4Address
        /// The new destination port.
        public var translatedPort: UInt16
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
        /// Creates a value.
        public init(
            name: String, protocols: [TransportProtocol], sourceAddresses: [String], destinationAddresses: [String],
            destinationPorts: [PortRange], translatedAddress: IPv4Address, translatedPort: UInt16, source: SourceMap
        ) {
            self.name = name; self.protocols = protocols; self.sourceAddresses = sourceAddresses
            self.destinationAddresses = destinationAddresses; self.destinationPorts = destinationPorts
            self.translatedAddress = translatedAddress; self.translatedPort = translatedPort; self.source = source
        }
    }
    /// A network rule: sources, destinations, protocols and ports the collection's action applies to (`networkRuleCollections[].rules[]`).
    public struct NetworkRule: Sendable {
        /// The network rule's name.
        public var name: String
        /// Protocols; `nil` entry list means Any.
        public var protocols: [TransportProtocol]
        /// Whether the rule lists `Any`, matching every protocol.
        public var anyProtocol: Bool
        /// The sources the rule matches.
        public var sourceAddresses: [String]
        /// The destinations the rule matches by address.
        public var destinationAddresses: [String]
        /// The destinations the rule matches by DNS name.
        public var destinationFqdns: [String]
        /// The destination ports the rule matches.
        public var destinationPorts: [PortRange]
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
        /// Creates a value.
        public init(
            name: String, protocols: [TransportProtocol], anyProtocol: Bool, sourceAddresses: [String],
            destinationAddresses: [String], destinationFqdns: [String], destinationPorts: [PortRange],
            source: SourceMap
        ) {
            self.name = name; self.protocols = protocols; self.anyProtocol = anyProtocol
            self.sourceAddresses = sourceAddresses; self.destinationAddresses = destinationAddresses
            self.destinationFqdns = destinationFqdns; self.destinationPorts = destinationPorts; self.source = source
        }
    }
    /// Application protocol of an application rule (`Https:443`).
    public struct AppProtocol: Sendable, Hashable, CustomStringConvertible {
        /// An application protocol an application rule can match.
        public enum Kind: String, Sendable, CaseIterable { case http = "Http", https = "Https", mssql = "Mssql" }
        /// The application protocol: Http, Https or Mssql.
        public var kind: Kind
        /// The port the protocol is matched on.
        public var port: UInt16
        /// Creates a value.
        public init(kind: Kind, port: UInt16) { self.kind = kind; self.port = port }
        /// The protocol as written in the design, e.g. `Https:443`.
        public var description: String { "\(kind.rawValue):\(port)" }
    }
    /// An application rule: sources allowed to reach DNS names over HTTP, HTTPS or MSSQL (`applicationRuleCollections[].rules[]`).
    public struct ApplicationRule: Sendable {
        /// The application rule's name.
        public var name: String
        /// The sources the rule matches.
        public var sourceAddresses: [String]
        /// The protocols and ports the rule matches, e.g. `Https:443`.
        public var protocols: [AppProtocol]
        /// The DNS names the rule matches; a leading `*.` matches any subdomain.
        public var targetFqdns: [String]
        /// Microsoft-maintained name groups the rule matches, such as `AzureKubernetesService`.
        public var fqdnTags: [String]
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
        /// Creates a value.
        public init(
            name: String, sourceAddresses: [String], protocols: [AppProtocol], targetFqdns: [String],
            fqdnTags: [String], source: SourceMap
        ) {
            self.name = name; self.sourceAddresses = sourceAddresses; self.protocols = protocols
            self.targetFqdns = targetFqdns; self.fqdnTags = fqdnTags; self.source = source
        }
    }
    /// A rule collection of any type.
    public struct Collection<Rule: Sendable>: Sendable {
        /// The collection's name, unique within the firewall.
        public var name: String
        /// The collection's priority (100–65000); lower numbers are evaluated first.
        public var priority: Int
        /// What a matching rule in the collection does.
        public var action: RuleAction
        /// The collection's rules, unique by name.
        public var rules: [Rule]
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
        /// For a collection compiled from a Firewall Policy: its policy and rule collection group (F21); nil for classic.
        public var origin: FirewallPolicyOrigin?
        /// Creates a value.
        public init(name: String, priority: Int, action: RuleAction, rules: [Rule], source: SourceMap) {
            self.name = name; self.priority = priority; self.action = action; self.rules = rules; self.source = source
        }
    }
    /// What the firewall does with traffic to or from known-malicious addresses: nothing, alert, or deny.
    public enum ThreatIntelMode: String, Sendable, CaseIterable { case off = "Off", alert = "Alert", deny = "Deny" }

    /// The firewall's name.
    public var name: String
    /// The firewall's subnet, always `VNET/AzureFirewallSubnet`.
    public var subnet: String
    /// The firewall's private frontend address, normally `.4` of its subnet.
    public var privateIPAddress: IPv4Address
    /// The number of backend instances (1–20); their addresses follow the frontend.
    public var instanceCount = 2
    /// The instances' addresses, written out instead of `instanceCount`.
    public var instanceIPAddresses: [IPv4Address] = []
    /// The firewall's public IPs, by name.
    public var publicIPAddresses: [String] = []
    /// `snatPrivateRanges`; nil = `IANAPrivateRanges`.
    public var snatPrivateRanges: [IPv4Prefix]?
    /// Forced-tunnelling mode: Internet-bound traffic is sent on towards on-premises.
    public var forcedTunneling = false
    /// The threat-intelligence filtering mode (default Alert).
    public var threatIntelMode = ThreatIntelMode.alert
    /// The Firewall Policy the firewall uses instead of classic rule collections (F19).
    public var firewallPolicy: String?
    /// The DNAT rule collections.
    public var natRuleCollections: [Collection<NatRule>] = []
    /// The network rule collections.
    public var networkRuleCollections: [Collection<NetworkRule>] = []
    /// The application rule collections.
    public var applicationRuleCollections: [Collection<ApplicationRule>] = []
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, subnet: String, privateIPAddress: IPv4Address, source: SourceMap) {
        self.name = name; self.subnet = subnet; self.privateIPAddress = privateIPAddress; self.source = source
    }
}
