/// `endpoints[]`.
public struct EndpointSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `ipAddress` (docs/format.md).
    public var ipAddress: IPv4Address?
    /// `fqdn` (docs/format.md).
    public var fqdn: String?
    /// `onPremisesNetwork` (docs/format.md).
    public var onPremisesNetwork: String?
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, source: SourceMap) { self.name = name; self.source = source }
}
