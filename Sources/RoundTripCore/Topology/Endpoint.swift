/// A named external address.
public struct Endpoint: Sendable {
    /// `name`.
    public var name: String
    /// `address`.
    public var address: IPv4Address
    /// Whether the address was synthesized (only an FQDN was given).
    public var addressIsRepresentative: Bool
    /// `fqdn`.
    public var fqdn: String?
    /// `onPremises`.
    public var onPremises: Int?
    /// `source`.
    public var source: SourceMap
}
