/// `flows[]`.
public struct FlowSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `from` (docs/format.md).
    public var from: String
    /// `to` (docs/format.md).
    public var to: String
    /// `port` (docs/format.md).
    public var port: UInt16?
    /// `sourcePort` (docs/format.md).
    public var sourcePort: UInt16?
    /// `protocolType` (docs/format.md).
    public var protocolType = TransportProtocol.tcp
    /// `expect` (docs/format.md).
    public var expect: Verdict?
    /// `expectDroppedAt` (docs/format.md).
    public var expectDroppedAt: String?
    /// `expectEgressIP` (docs/format.md).
    public var expectEgressIP: IPv4Address?
    /// `description` (docs/format.md).
    public var description: String?
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, from: String, to: String, source: SourceMap) {
        self.name = name; self.from = from; self.to = to; self.source = source
    }
}
