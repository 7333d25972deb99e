/// `publicIPAddresses[]`.
public struct PublicIPSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// The address or prefix (a plain address becomes a /32).
    public var prefix: IPv4Prefix
    /// Whether it was given as `ipPrefix`.
    public var isPrefix: Bool
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, prefix: IPv4Prefix, isPrefix: Bool, source: SourceMap) {
        self.name = name; self.prefix = prefix; self.isPrefix = isPrefix; self.source = source
    }
}
