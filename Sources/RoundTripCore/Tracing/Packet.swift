/// An IPv4 packet header as the tracer sees it: the 5-tuple.
public struct Packet: Hashable, Sendable, CustomStringConvertible {
    /// Source address.
    public var source: IPv4Address
    /// Source port.
    public var sourcePort: UInt16
    /// Destination address.
    public var destination: IPv4Address
    /// Destination port.
    public var destinationPort: UInt16
    /// Transport protocol.
    public var protocolType: TransportProtocol

    /// Creates a header.
    public init(source: IPv4Address, sourcePort: UInt16, destination: IPv4Address, destinationPort: UInt16, protocolType: TransportProtocol)
    {
        self.source = source
        self.sourcePort = sourcePort
        self.destination = destination
        self.destinationPort = destinationPort
        self.protocolType = protocolType
    }

    /// The reply's header: source and destination swapped.
    public var reversed: Packet {
        Packet(
            source: destination, sourcePort: destinationPort, destination: source, destinationPort: sourcePort, protocolType: protocolType)
    }

    /// `10.0.0.4:50000 → 10.1.0.4:443/Tcp`.
    public var description: String {
        "\(source):\(sourcePort) → \(destination):\(destinationPort)/\(protocolType.rawValue)"
    }

    /// A hash that is the same for both directions of a flow (Azure's symmetric flow hashing), salted per device.
    func symmetricHash(salt: Int) -> UInt64 {
        let a = UInt64(source.value) << 16 | UInt64(sourcePort)
        let b = UInt64(destination.value) << 16 | UInt64(destinationPort)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for word in [min(a, b), max(a, b), UInt64(protocolType.hashSeed), UInt64(bitPattern: Int64(salt))] {
            for shift in stride(from: 0, to: 64, by: 8) {
                hash ^= (word >> UInt64(shift)) & 0xff
                hash = hash &* 0x100_0000_01b3
            }
        }
        return hash
    }
}

extension TransportProtocol {
    var hashSeed: UInt8 {
        switch self {
        case .tcp: return 6
        case .udp: return 17
        case .icmp: return 1
        }
    }
}

extension Packet {
    /// The source address standing for default outbound access: Azure picks the real one, unknown in advance (L12).
    public static let defaultOutboundAddress = IPv4Address(192, 0, 2, 1)
    /// The source address standing for an on-premises edge's SNAT (forced tunnelling): outside the design (§16 D8).
    public static let onPremisesEdgeAddress = IPv4Address(192, 0, 2, 2)
}
