/// `serviceTags[]` (extension).
public struct ServiceTagSpec: Sendable {
    /// The service tag's name, e.g. `AzureCloud.westeurope`.
    public var name: String
    /// The prefixes the tag stands for.
    public var addressPrefixes: [IPv4Prefix]
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, addressPrefixes: [IPv4Prefix], source: SourceMap) {
        self.name = name; self.addressPrefixes = addressPrefixes; self.source = source
    }
}
