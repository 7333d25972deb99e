/// A named address outside Azure, on the Internet or in an on-premises network (`endpoints[]`).
public struct EndpointSpec: Sendable {
    /// The endpoint's name; `internet` is reserved.
    public var name: String
    /// The endpoint's address; without it one is chosen to represent the FQDN.
    public var ipAddress: IPv4Address?
    /// The endpoint's DNS name.
    public var fqdn: String?
    /// The on-premises network (by name) the host lives in; nil for an Internet host.
    public var onPremisesNetwork: String?
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(name: String, source: SourceMap) { self.name = name; self.source = source }
}
