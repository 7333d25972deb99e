/// A named external address.
public struct Endpoint: Sendable {
    /// The endpoint's name.
    public var name: String
    /// The endpoint's address, given or chosen to represent its FQDN.
    public var address: IPv4Address
    /// Whether the address was synthesized (only an FQDN was given).
    public var addressIsRepresentative: Bool
    /// The endpoint's DNS name.
    public var fqdn: String?
    /// The on-premises network the host lives in, an index into the topology's; nil for an Internet host.
    public var onPremises: Int?
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
}
