/// Transport protocol of a flow or rule.
public enum TransportProtocol: String, Sendable, Hashable, CaseIterable, Comparable {
    case tcp = "Tcp", udp = "Udp", icmp = "Icmp"
    /// Orders protocols by their name as written.
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
