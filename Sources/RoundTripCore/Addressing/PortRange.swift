/// An inclusive range of transport ports (`80`, `443-444`, `*`).
public struct PortRange: Hashable, Sendable, CustomStringConvertible {
    /// First port.
    public let lower: UInt16
    /// Last port.
    public let upper: UInt16

    /// Creates a range.
    public init(_ lower: UInt16, _ upper: UInt16) {
        self.lower = Swift.min(lower, upper)
        self.upper = Swift.max(lower, upper)
    }

    /// A single port.
    public init(_ port: UInt16) { self.init(port, port) }

    /// Every port (`*`).
    public static let any = PortRange(0, 65535)

    /// Whether the port is in the range.
    @inlinable public func contains(_ port: UInt16) -> Bool { port >= lower && port <= upper }

    /// Parses `80`, `443-444` or `*`.
    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces
        if trimmed == "*" { self = .any; return }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 2, let low = UInt16(parts[0]) else { return nil }
        if parts.count == 1 { self.init(low); return }
        guard let high = UInt16(parts[1]), high >= low else { return nil }
        self.init(low, high)
    }

    /// Any port as `*`, a single port as itself, otherwise `low-high`.
    public var description: String {
        if self == .any { return "*" }
        return lower == upper ? "\(lower)" : "\(lower)-\(upper)"
    }
}

extension String {
    /// The string without leading or trailing spaces and tabs (Foundation-free).
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
