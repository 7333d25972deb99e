/// An Azure Firewall.
public struct Firewall: Sendable {
    /// A DNAT rule.
    public struct NatRule: Sendable {
        /// The DNAT rule's name.
        public var name: String
        /// The protocols the rule matches.
        public var protocols: [TransportProtocol]
        /// The sources the rule matches.
        public var sources: AddressSet
        /// The addresses the rule listens on, normally the firewall's public IPs.
        public var destinations: AddressSet
        /// The destination ports the rule matches.
        public var ports: [PortRange]
        /// The new destination address.
        public var translatedAddress: IPv4Address
        /// The new destination port.
        public var translatedPort: UInt16
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
    }
    /// A network rule.
    public struct NetworkRule: Sendable {
        /// The network rule's name.
        public var name: String
        /// The protocols the rule matches.
        public var protocols: [TransportProtocol]
        /// Whether the rule matches every protocol (`Any`).
        public var anyProtocol: Bool
        /// The sources the rule matches.
        public var sources: AddressSet
        /// The destinations the rule matches by address.
        public var destinations: AddressSet
        /// The destinations the rule matches by DNS name.
        public var destinationFqdns: [String]
        /// The destination ports the rule matches.
        public var ports: [PortRange]
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
    }
    /// An application rule.
    public struct ApplicationRule: Sendable {
        /// The application rule's name.
        public var name: String
        /// The sources the rule matches.
        public var sources: AddressSet
        /// The protocols and ports the rule matches, e.g. `Https:443`.
        public var protocols: [FirewallSpec.AppProtocol]
        /// Target FQDN patterns, tags expanded.
        public var fqdns: [String]
        /// Microsoft-maintained name groups the rule matches, such as `AzureKubernetesService`.
        public var fqdnTags: [String]
        /// Where the element and each of its fields were written in the design file.
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
    /// The Firewall Policy the rule lists were compiled from (F19–F28); nil for classic rules.
    public var policy: FirewallPolicyInfo? = nil
}

/// Where a rule collection compiled from a Firewall Policy came from, for reasons and reports (F21).
public struct FirewallPolicyOrigin: Sendable, Hashable {
    /// The policy that defines the collection (the firewall's own, or a base policy).
    public var policy: String
    /// The rule collection group holding the collection.
    public var ruleCollectionGroup: String
    /// The group's priority.
    public var groupPriority: Int
    /// A network rule with `destinationFqdns` in the same group while the DNS proxy is off: the group can't be
    /// deployed, and a flow whose evaluation reaches it is `unsupported-config` (F25).
    public var fqdnRuleWithoutProxy: String?
    /// Creates a value.
    public init(policy: String, ruleCollectionGroup: String, groupPriority: Int, fqdnRuleWithoutProxy: String? = nil) {
        self.policy = policy; self.ruleCollectionGroup = ruleCollectionGroup; self.groupPriority = groupPriority
        self.fqdnRuleWithoutProxy = fqdnRuleWithoutProxy
    }
    /// `rule collection group 'z' of policy 'p'`.
    public var description: String { "rule collection group '\(ruleCollectionGroup)' (policy '\(policy)')" }
}

/// What a firewall's Firewall Policy sets beyond its rules (F23, F25, F26, F28).
public struct FirewallPolicyInfo: Sendable {
    /// The policy attached to the firewall.
    public var name: String
    /// The policy and its base policies, root first (F23).
    public var chain: [String]
    /// The effective `dnsSettings.enableProxy` (F25).
    public var dnsProxy: Bool
    /// Where `snat.autoLearnPrivateRanges: Enabled` is written, when it is (F26).
    public var autoLearn: SourceLocation?
    /// Where the effective threat-intelligence mode `Deny` is written, when it is (F28).
    public var threatIntelDeny: SourceLocation?
}
