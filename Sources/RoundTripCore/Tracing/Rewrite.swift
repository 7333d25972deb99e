/// An address/port rewrite.
public struct Rewrite: Hashable, Sendable {
    /// Which side of the header changed.
    public enum Field: String, Sendable { case source, destination }
    /// NAT kind, for display.
    public enum Kind: String, Sendable {
        case dnat = "DNAT", snat = "SNAT", unDnat = "un-DNAT", unSnat = "un-SNAT", proxy = "proxy"
    }
    /// `field`.
    public var field: Field
    /// `kind`.
    public var kind: Kind
    /// `beforeAddress`.
    public var beforeAddress: IPv4Address
    /// `beforePort`.
    public var beforePort: UInt16
    /// `afterAddress`.
    public var afterAddress: IPv4Address
    /// `afterPort`.
    public var afterPort: UInt16
}
