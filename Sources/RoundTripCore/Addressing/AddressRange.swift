/// An inclusive range of IPv4 addresses (`10.0.0.1-10.0.0.9`), as firewall rules allow.
public struct AddressRange: Hashable, Sendable, CustomStringConvertible {
    /// First address in the range.
    public let lower: IPv4Address
    /// Last address in the range.
    public let upper: IPv4Address

    /// Creates a range; `lower` must not exceed `upper`.
    public init(_ lower: IPv4Address, _ upper: IPv4Address) {
        self.lower = min(lower, upper)
        self.upper = max(lower, upper)
    }

    /// The range a prefix covers.
    public init(_ prefix: IPv4Prefix) { self.init(prefix.first, prefix.last) }

    /// Whether the address is in the range.
    @inlinable public func contains(_ address: IPv4Address) -> Bool {
        address >= lower && address <= upper
    }

    /// Every address.
    public static let all = AddressRange(IPv4Address(0), IPv4Address(UInt32.max))

    /// A single address as itself, every address as `*`, otherwise `first-last`.
    public var description: String {
        if lower == upper { return lower.description }
        if self == .all { return "*" }
        return "\(lower)-\(upper)"
    }
}
