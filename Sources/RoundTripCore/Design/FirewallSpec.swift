/// A firewall rule collection's action.
public enum RuleAction: String, Sendable, CaseIterable { case allow = "Allow", deny = "Deny" }

/// `azureFirewalls[]`.
public struct FirewallSpec: Sendable {
    /// `natRuleCollections[].rules[]`.
    public struct NatRule: Sendable {
        /// `name` (docs/format.md).
        public var name: String
        /// `protocols` (docs/format.md).
        public var protocols: [TransportProtocol]
        /// `sourceAddresses` (docs/format.md).
        public var sourceAddresses: [String]
        /// `destinationAddresses` (docs/format.md).
        public var destinationAddresses: [String]
        /// `destinationPorts` (docs/format.md).
        public var destinationPorts: [PortRange]
        /// `translatedAddress` (docs/format.md).
        public var translatedAddress: IPv4Address
        /// `translatedPort` (docs/format.md).
        public var translatedPort: UInt16
        /// `source` (docs/format.md).
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
    /// `networkRuleCollections[].rules[]`.
    public struct NetworkRule: Sendable {
        /// `name` (docs/format.md).
        public var name: String
        /// Protocols; `nil` entry list means Any.
        public var protocols: [TransportProtocol]
        /// `anyProtocol` (docs/format.md).
        public var anyProtocol: Bool
        /// `sourceAddresses` (docs/format.md).
        public var sourceAddresses: [String]
        /// `destinationAddresses` (docs/format.md).
        public var destinationAddresses: [String]
        /// `destinationFqdns` (docs/format.md).
        public var destinationFqdns: [String]
        /// `destinationPorts` (docs/format.md).
        public var destinationPorts: [PortRange]
        /// `source` (docs/format.md).
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
        /// `Kind`.
        public enum Kind: String, Sendable, CaseIterable { case http = "Http", https = "Https", mssql = "Mssql" }
        /// `kind` (docs/format.md).
        public var kind: Kind
        /// `port` (docs/format.md).
        public var port: UInt16
        /// Creates a value.
        public init(kind: Kind, port: UInt16) { self.kind = kind; self.port = port }
        /// `description` (docs/format.md).
        public var description: String { "\(kind.rawValue):\(port)" }
    }
    /// `applicationRuleCollections[].rules[]`.
    public struct ApplicationRule: Sendable {
        /// `name` (docs/format.md).
        public var name: String
        /// `sourceAddresses` (docs/format.md).
        public var sourceAddresses: [String]
        /// `protocols` (docs/format.md).
        public var protocols: [AppProtocol]
        /// `targetFqdns` (docs/format.md).
        public var targetFqdns: [String]
        /// `fqdnTags` (docs/format.md).
        public var fqdnTags: [String]
        /// `source` (docs/format.md).
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
        /// `name` (docs/format.md).
        public var name: String
        /// `priority` (docs/format.md).
        public var priority: Int
        /// `action` (docs/format.md).
        public var action: RuleAction
        /// `rules` (docs/format.md).
        public var rules: [Rule]
        /// `source` (docs/format.md).
        public var source: SourceMap
        /// Creates a value.
        public init(name: String, priority: Int, action: RuleAction, rules: [Rule], source: SourceMap) {
            self.name = name; self.priority = priority; self.action = action; self.rules = rules; self.source = source
        }
    }
    /// `threatIntelMode`.
    public enum ThreatIntelMode: String, Sendable, CaseIterable { case off = "Off", alert = "Alert", deny = "Deny" }

    /// `name` (docs/format.md).
    public var name: String
    /// `subnet` (docs/format.md).
    public var subnet: String
    /// `privateIPAddress` (docs/format.md).
    public var privateIPAddress: IPv4Address
    /// `instanceCount` (docs/format.md).
    public var instanceCount = 2
    /// `instanceIPAddresses` (docs/format.md).
    public var instanceIPAddresses: [IPv4Address] = []
    /// `publicIPAddresses` (docs/format.md).
    public var publicIPAddresses: [String] = []
    /// `snatPrivateRanges`; nil = `IANAPrivateRanges`.
    public var snatPrivateRanges: [IPv4Prefix]?
    /// `forcedTunneling` (docs/format.md).
    public var forcedTunneling = false
    /// `threatIntelMode` (docs/format.md).
    public var threatIntelMode = ThreatIntelMode.alert
    /// `natRuleCollections` (docs/format.md).
    public var natRuleCollections: [Collection<NatRule>] = []
    /// `networkRuleCollections` (docs/format.md).
    public var networkRuleCollections: [Collection<NetworkRule>] = []
    /// `applicationRuleCollections` (docs/format.md).
    public var applicationRuleCollections: [Collection<ApplicationRule>] = []
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, subnet: String, privateIPAddress: IPv4Address, source: SourceMap) {
        self.name = name; self.subnet = subnet; self.privateIPAddress = privateIPAddress; self.source = source
    }
}
