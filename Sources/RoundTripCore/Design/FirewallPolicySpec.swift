/// A named set of addresses, CIDR prefixes and ranges that firewall rules reference (`ipGroups[]`, F24).
public struct IPGroupSpec: Sendable {
    /// The IP group's name.
    public var name: String
    /// Addresses, CIDR prefixes and ranges (`a.b.c.d-e.f.g.h`).
    public var ipAddresses: [String]
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, ipAddresses: [String], source: SourceMap) {
        self.name = name; self.ipAddresses = ipAddresses; self.source = source
    }
}

/// An Azure Firewall Policy as written in the design (`firewallPolicies[]`, azure-semantics §15, F19–F28).
public struct FirewallPolicySpec: Sendable {
    /// A rule's type (`ruleType`).
    public enum RuleType: String, Sendable, CaseIterable {
        /// A DNAT rule.
        case nat = "NatRule"
        /// A network rule.
        case network = "NetworkRule"
        /// An application rule.
        case application = "ApplicationRule"
    }
    /// A rule collection's type (`ruleCollectionType`).
    public enum CollectionType: String, Sendable, CaseIterable {
        /// A NAT collection: DNAT rules, action DNAT.
        case nat = "FirewallPolicyNatRuleCollection"
        /// A filter collection: network or application rules, action Allow or Deny.
        case filter = "FirewallPolicyFilterRuleCollection"
    }
    /// A rule collection's action.
    public enum CollectionAction: String, Sendable, CaseIterable {
        /// Translate (NAT collections).
        case dnat = "DNAT"
        /// Allow (filter collections).
        case allow = "Allow"
        /// Deny (filter collections).
        case deny = "Deny"
    }
    /// `snat.autoLearnPrivateRanges`.
    public enum AutoLearn: String, Sendable, CaseIterable {
        /// Only the configured ranges (the default).
        case disabled = "Disabled"
        /// Learn ranges through an Azure Route Server (not modelled).
        case enabled = "Enabled"
    }
    /// A rule of any type: the fields of its `ruleType` are set, the others empty.
    public struct Rule: Sendable {
        /// The rule's name.
        public var name: String
        /// The rule's type.
        public var ruleType: RuleType
        /// `ipProtocols` (NAT and network rules).
        public var ipProtocols: [TransportProtocol] = []
        /// Whether `ipProtocols` lists `Any`.
        public var anyProtocol = false
        /// Literal sources.
        public var sourceAddresses: [String] = []
        /// IP groups whose addresses add to the sources (F24).
        public var sourceIpGroups: [String] = []
        /// Literal destinations.
        public var destinationAddresses: [String] = []
        /// IP groups whose addresses add to the destinations (network rules only, F24).
        public var destinationIpGroups: [String] = []
        /// Destination DNS names (network rules; need the DNS proxy, F25).
        public var destinationFqdns: [String] = []
        /// Destination ports.
        public var destinationPorts: [PortRange] = []
        /// NAT: the new destination address.
        public var translatedAddress: IPv4Address?
        /// NAT: the new destination, by a design endpoint's DNS name (F22).
        public var translatedFqdn: String?
        /// NAT: the new destination port.
        public var translatedPort: UInt16?
        /// Application: protocols and ports.
        public var protocols: [FirewallSpec.AppProtocol] = []
        /// Application: target DNS names.
        public var targetFqdns: [String] = []
        /// Application: FQDN tags.
        public var fqdnTags: [String] = []
        /// Application: web categories (kept, never matched: categories are not modelled).
        public var webCategories: [String] = []
        /// Application: TLS inspection (kept; no effect on routing).
        public var terminateTLS: Bool?
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
        /// Creates a rule with only its name and type set.
        public init(name: String, ruleType: RuleType, source: SourceMap) {
            self.name = name; self.ruleType = ruleType; self.source = source
        }
    }
    /// A rule collection (`ruleCollections[]`).
    public struct RuleCollection: Sendable {
        /// The collection's name.
        public var name: String
        /// Its priority within the group (100–65000).
        public var priority: Int
        /// NAT or filter.
        public var ruleCollectionType: CollectionType
        /// DNAT, Allow or Deny.
        public var action: CollectionAction
        /// The collection's rules, in order.
        public var rules: [Rule]
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
        /// Creates a value.
        public init(
            name: String, priority: Int, ruleCollectionType: CollectionType, action: CollectionAction, rules: [Rule], source: SourceMap
        ) {
            self.name = name; self.priority = priority; self.ruleCollectionType = ruleCollectionType; self.action = action
            self.rules = rules; self.source = source
        }
    }
    /// A rule collection group (`ruleCollectionGroups[]`).
    public struct RuleCollectionGroup: Sendable {
        /// The group's name.
        public var name: String
        /// Its priority within the policy (100–65000).
        public var priority: Int
        /// The group's rule collections.
        public var ruleCollections: [RuleCollection]
        /// Where the element and each of its fields were written in the design file.
        public var source: SourceMap
        /// Creates a value.
        public init(name: String, priority: Int, ruleCollections: [RuleCollection], source: SourceMap) {
            self.name = name; self.priority = priority; self.ruleCollections = ruleCollections; self.source = source
        }
    }

    /// The policy's name.
    public var name: String
    /// The parent policy whose rule collection groups run first (F23).
    public var basePolicy: String?
    /// Threat-intelligence mode; nil = inherited or Alert.
    public var threatIntelMode: FirewallSpec.ThreatIntelMode?
    /// `snat.privateRanges`; nil = `IANAPrivateRanges` (F26).
    public var snatPrivateRanges: [IPv4Prefix]?
    /// `snat.autoLearnPrivateRanges`; nil when not written.
    public var autoLearnPrivateRanges: AutoLearn?
    /// `dnsSettings.enableProxy`; nil when not written.
    public var enableProxy: Bool?
    /// The rule collection groups.
    public var ruleCollectionGroups: [RuleCollectionGroup] = []
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Where `snat` and its fields were written.
    public var snatSource: SourceMap?
    /// Where `dnsSettings` and its fields were written.
    public var dnsSource: SourceMap?
    /// Creates a value.
    public init(name: String, source: SourceMap) { self.name = name; self.source = source }
}
