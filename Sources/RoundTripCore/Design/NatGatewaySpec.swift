/// `natGateways[]`.
public struct NatGatewaySpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `publicIPAddresses` (docs/format.md).
    public var publicIPAddresses: [String]
    /// `idleTimeoutInMinutes` (docs/format.md).
    public var idleTimeoutInMinutes = 4
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, publicIPAddresses: [String], source: SourceMap) {
        self.name = name; self.publicIPAddresses = publicIPAddresses; self.source = source
    }
}
