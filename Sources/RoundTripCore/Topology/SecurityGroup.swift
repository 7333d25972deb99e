/// A compiled network security group: its rules in evaluation order per direction, Azure's defaults last (G5, G6).
public struct SecurityGroup: Sendable {
    /// A compiled rule.
    public struct Rule: Sendable {
        /// The rule's name.
        public var name: String
        /// Lower numbers first.
        public var priority: Int
        /// Inbound or outbound.
        public var direction: SecurityGroupSpec.Direction
        /// Allow or deny.
        public var access: SecurityGroupSpec.Access
        /// The protocol matched.
        public var protocolType: SecurityGroupSpec.RuleProtocol
        /// The sources matched.
        public var sources: SecurityAddressMatch
        /// The destinations matched.
        public var destinations: SecurityAddressMatch
        /// Source ports matched.
        public var sourcePorts: [PortRange]
        /// Destination ports matched.
        public var destinationPorts: [PortRange]
        /// Whether this is one of Azure's default rules (never written in a design).
        public var isDefault: Bool
        /// Where the rule was written (the NSG's element for a default rule).
        public var source: SourceMap
    }

    /// The NSG's name.
    public var name: String
    /// Inbound rules in evaluation order.
    public var inbound: [Rule]
    /// Outbound rules in evaluation order.
    public var outbound: [Rule]
    /// Where the NSG was written.
    public var source: SourceMap

    /// The rules of one direction, in evaluation order.
    public func rules(_ direction: SecurityGroupSpec.Direction) -> [Rule] { direction == .inbound ? inbound : outbound }
}

/// What an NSG rule's source or destination matches: prefixes, `*`, service tags resolved against the NIC (G10–G13)
/// and application security groups (G14).
public struct SecurityAddressMatch: Sendable {
    /// `*`.
    public var any = false
    /// Literal addresses, CIDRs and ranges, and service tags resolved through the service-tag table.
    public var ranges: [AddressRange] = []
    /// The `VirtualNetwork` tag (G10), resolved per NIC.
    public var virtualNetwork = false
    /// The `Internet` tag (G11), resolved per NIC.
    public var internet = false
    /// Application security groups: a member NIC's address matches.
    public var groups: [Int] = []
    /// The entries as written.
    public var text: [String] = []

    /// Everything.
    public static let anything = SecurityAddressMatch(any: true, text: ["*"])
}
