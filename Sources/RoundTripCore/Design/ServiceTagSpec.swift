/// `serviceTags[]` (extension).
public struct ServiceTagSpec: Sendable {
    /// `name` (docs/format.md).
    public var name: String
    /// `addressPrefixes` (docs/format.md).
    public var addressPrefixes: [IPv4Prefix]
    /// `source` (docs/format.md).
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, addressPrefixes: [IPv4Prefix], source: SourceMap) {
        self.name = name; self.addressPrefixes = addressPrefixes; self.source = source
    }
}
