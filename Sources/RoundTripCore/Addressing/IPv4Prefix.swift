/// An IPv4 CIDR prefix such as `10.0.0.0/16`; the address always has its host bits cleared.
public struct IPv4Prefix: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The network address (host bits zero).
    public let network: IPv4Address
    /// The prefix length, 0...32.
    public let length: UInt8

    /// Creates a prefix; host bits of `address` are cleared.
    public init(_ address: IPv4Address, length: UInt8) {
        precondition(length <= 32, "prefix length over 32")
        self.length = length
        self.network = IPv4Address(address.value & IPv4Prefix.mask(length))
    }

    /// A /32 host prefix.
    public init(host: IPv4Address) { self.init(host, length: 32) }

    /// The netmask for a length.
    @inlinable public static func mask(_ length: UInt8) -> UInt32 {
        length == 0 ? 0 : UInt32.max << (32 - UInt32(length))
    }

    /// The netmask of this prefix.
    @inlinable public var mask: UInt32 { IPv4Prefix.mask(length) }

    /// The first address.
    public var first: IPv4Address { network }
    /// The last address.
    public var last: IPv4Address { IPv4Address(network.value | ~mask) }
    /// Number of addresses (as UInt64 so /0 fits).
    public var size: UInt64 { UInt64(1) << (32 - UInt64(length)) }

    /// Whether the address lies inside the prefix.
    @inlinable public func contains(_ address: IPv4Address) -> Bool {
        address.value & mask == network.value
    }

    /// Whether `other` lies wholly inside this prefix.
    public func contains(_ other: IPv4Prefix) -> Bool {
        other.length >= length && contains(other.network)
    }

    /// Whether the two prefixes share any address.
    public func overlaps(_ other: IPv4Prefix) -> Bool { contains(other) || other.contains(self) }

    /// CIDR text; a /32 is still written with its length.
    public var description: String { "\(network)/\(length)" }

    /// By network address, then the shorter (wider) prefix first.
    public static func < (lhs: IPv4Prefix, rhs: IPv4Prefix) -> Bool {
        lhs.network == rhs.network ? lhs.length < rhs.length : lhs.network < rhs.network
    }

    /// How a prefix failed to parse.
    public enum ParseFailure: Error, Equatable, Sendable {
        /// Not `a.b.c.d/len` or a plain address.
        case malformed
        /// The length is not 0...32.
        case badLength
        /// Host bits are set; carries the prefix with them cleared.
        case hostBitsSet(IPv4Prefix)
    }

    /// Parses `a.b.c.d/len` or a plain address (a host prefix).
    public static func parse(_ text: String) -> Result<IPv4Prefix, ParseFailure> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let address = IPv4Address(parts[0]) else { return .failure(.malformed) }
        if parts.count == 1 { return .success(IPv4Prefix(host: address)) }
        let lengthText = parts[1]
        guard !lengthText.isEmpty, lengthText.count <= 2, lengthText.allSatisfy(\.isASCII),
            let length = UInt8(lengthText), length <= 32
        else { return .failure(.badLength) }
        let prefix = IPv4Prefix(address, length: length)
        if prefix.network != address { return .failure(.hostBitsSet(prefix)) }
        return .success(prefix)
    }

    /// Parses, returning nil on any failure.
    public init?(_ text: String) {
        guard case .success(let prefix) = IPv4Prefix.parse(text) else { return nil }
        self = prefix
    }

    /// `0.0.0.0/0`.
    public static let any = IPv4Prefix(IPv4Address(0), length: 0)

    /// The reserved ranges Azure gives a `None` system route (R1/R2): RFC 1918 and RFC 6598.
    public static let ianaPrivateRanges: [IPv4Prefix] = [
        IPv4Prefix(IPv4Address(10, 0, 0, 0), length: 8),
        IPv4Prefix(IPv4Address(172, 16, 0, 0), length: 12),
        IPv4Prefix(IPv4Address(192, 168, 0, 0), length: 16),
        IPv4Prefix(IPv4Address(100, 64, 0, 0), length: 10),
    ]
}
