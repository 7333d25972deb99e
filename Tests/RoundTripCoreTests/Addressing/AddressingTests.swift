import Testing

@testable import RoundTripCore

@Suite("Addresses and prefixes")
struct AddressingTests {
    @Test(
        "dotted quads parse exactly",
        arguments: [
            ("10.0.0.4", true), ("255.255.255.255", true), ("0.0.0.0", true),
            ("10.0.0.256", false), ("10.0.0", false), ("10.0.0.4.5", false), ("10..0.4", false),
            ("010.0.0.4", false), ("a.b.c.d", false), ("", false), (" 10.0.0.4", false),
        ])
    func parseAddress(text: String, valid: Bool) {
        #expect((IPv4Address(text) != nil) == valid)
        if valid { #expect(IPv4Address(text)!.description == text) }
    }

    @Test("prefixes reject host bits and bad lengths")
    func parsePrefix() throws {
        #expect(try IPv4Prefix.parse("10.0.0.0/16").get() == IPv4Prefix(IPv4Address(10, 0, 0, 0), length: 16))
        #expect(try IPv4Prefix.parse("10.0.0.4").get().length == 32)
        #expect(IPv4Prefix.parse("10.0.1.5/16") == .failure(.hostBitsSet(IPv4Prefix(IPv4Address(10, 0, 0, 0), length: 16))))
        #expect(IPv4Prefix.parse("10.0.0.0/33") == .failure(.badLength))
        #expect(IPv4Prefix.parse("10.0.0.0/") == .failure(.badLength))
        #expect(IPv4Prefix.parse("10.0.0/8") == .failure(.malformed))
        #expect(IPv4Prefix("0.0.0.0/0") == .any)
    }

    @Test("containment and overlap")
    func containment() throws {
        let vnet = try #require(IPv4Prefix("10.42.0.0/16"))
        let subnet = try #require(IPv4Prefix("10.42.1.0/24"))
        #expect(vnet.contains(subnet))
        #expect(!subnet.contains(vnet))
        #expect(vnet.overlaps(subnet) && subnet.overlaps(vnet))
        #expect(!subnet.overlaps(try #require(IPv4Prefix("10.42.2.0/24"))))
        #expect(IPv4Prefix.any.contains(IPv4Address(8, 8, 8, 8)))
        #expect(subnet.last == IPv4Address(10, 42, 1, 255))
        #expect(IPv4Prefix.any.size == 1 << 32)
    }

    @Test("private ranges are RFC 1918 plus RFC 6598")
    func privateRanges() {
        #expect(IPv4Address(100, 64, 0, 1).isPrivate)
        #expect(IPv4Address(172, 31, 255, 255).isPrivate)
        #expect(!IPv4Address(172, 32, 0, 0).isPrivate)
        #expect(!IPv4Address(20, 229, 246, 163).isPrivate)
    }

    @Test("port ranges", arguments: [("80", PortRange(80)), ("443-444", PortRange(443, 444)), ("*", PortRange.any)])
    func ports(text: String, range: PortRange) {
        #expect(PortRange(text) == range)
        #expect(range.description == text)
    }

    @Test("bad port ranges are rejected", arguments: ["", "x", "70000", "444-443", "1-2-3"])
    func badPorts(text: String) {
        #expect(PortRange(text) == nil)
    }

    @Test("did-you-mean finds close names only")
    func suggestions() {
        #expect(Suggestion.closest(to: "routeTabel", in: ["routeTable", "natGateway", "name"]) == "routeTable")
        #expect(Suggestion.closest(to: "firewall-routetabel", in: ["firewall-routetable"]) == "firewall-routetable")
        #expect(Suggestion.closest(to: "zzz", in: ["routeTable", "natGateway"]) == nil)
    }
}
