/// An address/port rewrite.
public struct Rewrite: Hashable, Sendable {
    /// Which side of the header changed.
    public enum Field: String, Sendable { case source, destination }
    /// NAT kind, for display.
    public enum Kind: String, Sendable {
        case dnat = "DNAT", snat = "SNAT", unDnat = "un-DNAT", unSnat = "un-SNAT", proxy = "proxy"
    }
    /// Which side of the header changed.
    public var field: Field
    /// The kind of translation (DNAT, SNAT, their reversals, or a proxy).
    public var kind: Kind
    /// The address before the rewrite.
    public var beforeAddress: IPv4Address
    /// The port before the rewrite.
    public var beforePort: UInt16
    /// The address after the rewrite.
    public var afterAddress: IPv4Address
    /// The port after the rewrite.
    public var afterPort: UInt16
}
