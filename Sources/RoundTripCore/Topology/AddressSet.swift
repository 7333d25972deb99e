/// A set of addresses written as `*`, CIDRs, ranges and service tags.
public struct AddressSet: Sendable, CustomStringConvertible {
    /// Ranges covered.
    public var ranges: [AddressRange]
    /// The entries as written.
    public var text: [String]
    /// Whether an address is covered.
    @inlinable public func contains(_ address: IPv4Address) -> Bool { ranges.contains { $0.contains(address) } }
    /// Whether the set was written as `*` (any address).
    public var isAny: Bool { text.contains("*") }
    /// The entries as written, comma-separated.
    public var description: String { text.joined(separator: ", ") }
}
