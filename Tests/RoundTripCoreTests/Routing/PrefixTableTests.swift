import Testing

@testable import RoundTripCore

/// The indexed longest-prefix match and the scale generator agree with their simple definitions.
@Suite("Prefix table and generated estates")
struct PrefixTableTests {
    /// The first index in `order` whose prefix contains `address`: the linear scan the table replaces.
    func scan(_ order: [Int], _ prefixes: [IPv4Prefix], _ address: IPv4Address) -> Int? {
        order.first { prefixes[$0].contains(address) }
    }

    @Test("the table returns what a linear scan in lookup order returns, with duplicates and every length")
    func agreesWithScan() {
        var random = SplitMix64(seed: 14)
        var prefixes: [IPv4Prefix] = [.any]
        for _ in 0..<400 {
            let length = UInt8(random.next() % 33)
            // Few distinct networks, so many prefixes nest and some repeat.
            let address = IPv4Address(UInt32(truncatingIfNeeded: random.next()) & 0x0A0F_F0FF)
            prefixes.append(IPv4Prefix(address, length: length))
        }
        let order = prefixes.indices.sorted { a, b in
            prefixes[a].length != prefixes[b].length ? prefixes[a].length > prefixes[b].length : a < b
        }
        let table = PrefixTable(order: order) { prefixes[$0] }
        #expect(!table.lengths.isEmpty)
        for _ in 0..<2_000 {
            let address = IPv4Address(UInt32(truncatingIfNeeded: random.next()) & 0x0A0F_F0FF)
            #expect(table.first(containing: address) { prefixes[$0] } == scan(order, prefixes, address))
        }
        let short = PrefixTable(order: Array(order.prefix(10))) { prefixes[$0] }
        #expect(short.lengths.isEmpty)
    }

    @Test("generate hub-spoke: 20,000 spokes, one /24 each, public addresses from one prefix, never repeated")
    func largeEstate() {
        let text = SyntheticEstate.hubSpoke(spokes: 20_000, seed: 1)
        #expect(text.contains("name: spoke19999\n    addressSpace: [10.206.31.0/24]"))
        #expect(text.contains("kind: privateEndpoint") && text.contains("networkSecurityGroups:"))
        let addresses = text.split(separator: "\n").filter { $0.contains("ipAddress: 20.40.") }
        #expect(addresses.count > 2_000)
        #expect(Set(addresses.map { $0.split(separator: "ipAddress: ").last ?? "" }).count == addresses.count)
    }
}
