/// An Azure Firewall.
public struct Firewall: Sendable {
    /// A DNAT rule.
    public struct NatRule: Sendable {
        /// `name`.
        public var name: String
        /// `protocols`.
        public var protocols: [TransportProtocol]
        /// `sources`.
        public var sources: AddressSet
        /// `destinations`.
        public var destinations: AddressSet
        /// `ports`.
        public var ports: [PortRange]
        /// `translatedAddress`.
        public var translatedAddress: IPv4Address
        /// `translatedPort`.
        public var translatedPort: UInt16
        /// `source`.
        public var source: SourceMap
    }
    /// A network rule.
    public struct NetworkRule: Sendable {
        /// `name`.
        public var name: String
        /// `protocols`.
        public var protocols: [TransportProtocol]
        /// `anyProtocol`.
        public var anyProtocol: Bool
        /// `sources`.
        public var sources: AddressSet
        /// `destinations`.
        public var destinations: AddressSet
        /// `destinationFqdns`.
        public var destinationFqdns: [String]
        /// `ports`.
        public var ports: [PortRange]
        /// `source`.
        public var source: SourceMap
    }
    /// An application rule.
    public struct ApplicationRule: Sendable {
        /// `name`.
        public var name: String
        /// `sources`.
        public var sources: AddressSet
        /// `protocols`.
        public var protocols: [FirewallSpec.AppProtocol]
        /// Target FQDN patterns, tags expanded.
        public var fqdns: [String]
        /// `fqdnTags`.
        public var fqdnTags: [String]
        /// `source`.
        public var source: SourceMap
    }
    /// A rule collection: the same shape as in the design, holding compiled rules.
    public typealias Collection<Rule: Sendable> = FirewallSpec.Collection<Rule>
    /// Name.
    public var name: String
    /// AzureFirewallSubnet index.
    public var subnet: Int
    /// VNet index.
    public var vnet: Int
    /// Private frontend.
    public var privateIP: IPv4Address
    /// Instance addresses.
    public var instanceIPs: [IPv4Address]
    /// Public IP resources.
    public var publicIPs: [Int]
    /// Every public address.
    public var publicAddresses: [IPv4Address]
    /// Destinations that are not SNATed by network rules.
    public var snatPrivateRanges: [IPv4Prefix]
    /// Whether snatPrivateRanges was left at IANAPrivateRanges.
    public var snatRangesAreDefault: Bool
    /// Forced-tunnelling mode.
    public var forcedTunneling: Bool
    /// Threat-intelligence mode.
    public var threatIntelMode: FirewallSpec.ThreatIntelMode
    /// DNAT collections, by priority.
    public var natCollections: [Collection<NatRule>]
    /// Network collections, by priority.
    public var networkCollections: [Collection<NetworkRule>]
    /// Application collections, by priority.
    public var applicationCollections: [Collection<ApplicationRule>]
    /// Position in the input.
    public var source: SourceMap
}
