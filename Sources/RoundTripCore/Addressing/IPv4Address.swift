/// An IPv4 address held as a 32-bit integer in host order.
public struct IPv4Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The address as an unsigned integer (first octet in the most significant byte).
    public var value: UInt32

    /// Creates an address from its integer value.
    public init(_ value: UInt32) { self.value = value }

    /// Creates an address from four octets.
    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        value = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    }

    /// Parses a dotted quad (`10.0.0.4`); rejects leading zeros, missing octets and values over 255.
    public init?(_ text: some StringProtocol) {
        var result: UInt32 = 0
        var octets = 0
        var current: UInt32 = 0
        var digits = 0
        var leadingZero = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, octets < 3 else { return nil }
                result = result << 8 | current
                octets += 1
                current = 0
                digits = 0
                leadingZero = false
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if digits == 1 && leadingZero { return nil }
                if digits == 0 && byte == UInt8(ascii: "0") { leadingZero = true }
                current = current * 10 + UInt32(byte - UInt8(ascii: "0"))
                digits += 1
                guard digits <= 3, current <= 255 else { return nil }
            } else {
                return nil
            }
        }
        guard digits > 0, octets == 3 else { return nil }
        value = result << 8 | current
    }

    /// Dotted-quad text.
    public var description: String {
        "\(value >> 24).\((value >> 16) & 0xff).\((value >> 8) & 0xff).\(value & 0xff)"
    }

    /// Numeric order: 10.0.0.9 sorts before 10.0.0.10.
    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }

    /// Whether the address is in an IANA private range (RFC 1918 or RFC 6598 shared space).
    public var isPrivate: Bool { IPv4Prefix.ianaPrivateRanges.contains { $0.contains(self) } }
}
