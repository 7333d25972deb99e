/// Longest-prefix match over a list of prefixes in constant time per prefix length: one hash table per length,
/// each mapping a masked address to the first entry (in list order) with that prefix.
///
/// Built from indexes already in lookup order (longest prefix first); `first(containing:)` returns the same index a
/// linear scan of that order would. Small lists keep the linear scan, which is faster below a few dozen routes.
@usableFromInline struct PrefixTable: Sendable {
    /// Lists at or below this size are scanned linearly.
    @usableFromInline static let linearLimit = 24
    /// The indexes in lookup order (used for short lists).
    @usableFromInline var order: [Int]
    /// The distinct prefix lengths, longest first, with their masks (empty for short lists).
    @usableFromInline var lengths: [(length: UInt8, mask: UInt32)] = []
    /// Per length: masked network → first index with that prefix.
    @usableFromInline var tables: [[UInt32: Int]] = []

    /// Indexes `order` (longest prefix first) of `prefixes`.
    init(order: [Int], prefixes: (Int) -> IPv4Prefix) {
        self.order = order
        guard order.count > PrefixTable.linearLimit else { return }
        for index in order {
            let prefix = prefixes(index)
            if lengths.last?.length != prefix.length {
                lengths.append((prefix.length, prefix.mask))
                tables.append([:])
            }
            let t = tables.count - 1
            if tables[t][prefix.network.value] == nil { tables[t][prefix.network.value] = index }
        }
    }

    /// The first index in lookup order whose prefix contains `address`.
    @inlinable func first(containing address: IPv4Address, prefixes: (Int) -> IPv4Prefix) -> Int? {
        if lengths.isEmpty {
            for index in order where prefixes(index).contains(address) { return index }
            return nil
        }
        for (i, entry) in lengths.enumerated() {
            if let index = tables[i][address.value & entry.mask] { return index }
        }
        return nil
    }
}
