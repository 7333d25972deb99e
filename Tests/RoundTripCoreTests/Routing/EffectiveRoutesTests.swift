import RoundTripTestSupport
import Testing

@testable import RoundTripCore

@Suite("Effective routes (azure-semantics §2)")
struct EffectiveRoutesTests {
    let example: Topology

    init() throws {
        example = try TestFiles.topology("Tests/RoundTripCoreTests/Fixtures/routing/udr-routing-example.yaml")
    }

    func subnet(_ t: Topology, _ name: String) throws -> Int { try #require(t.subnetIndex(named: name)) }

    func route(_ t: Topology, _ subnet: String, _ address: String) throws -> EffectiveRoute {
        let s = try self.subnet(t, subnet)
        let destination = try #require(IPv4Address(address))
        let index = try #require(t.effectiveRoutes[s].lookup(destination))
        return t.effectiveRoutes[s].routes[index]
    }

    func userRouteName(_ t: Topology, _ route: EffectiveRoute) -> String? {
        if case .user(let table, let r) = route.origin { return t.routeTables[table].routes[r].name }
        return nil
    }

    @Test(
        "§2.5 Subnet1: each destination takes the documented route",
        arguments: [
            ("10.0.0.5", "WithinSubnet1", NextHopType.vnetLocal),
            ("10.0.1.5", "ToVNet1", .virtualAppliance),
            ("10.1.0.5", "ToVNet2-1-Drop", NextHopType.none),
            ("10.2.0.5", "ToVNet2-2-Drop", NextHopType.none),
            ("10.10.0.5", "ToOnPrem", .virtualAppliance),
            ("8.8.8.8", "Default-NVA", .virtualAppliance),
            ("10.20.0.1", "Default-NVA", .virtualAppliance),
        ])
    func subnet1(address: String, routeName: String, hop: NextHopType) throws {
        let route = try route(example, "VNet1/Subnet1", address)
        #expect(userRouteName(example, route) == routeName)
        #expect(route.nextHopType == hop)
    }

    @Test("§2.5 Subnet1: overridden routes show Invalid (R19) and the 0/0 UDR removes the None routes (R2b)")
    func subnet1Invalid() throws {
        let routes = example.effectiveRoutes[try subnet(example, "VNet1/Subnet1")].routes
        let invalid = routes.filter { $0.state == .invalid }.map { "\($0.source.rawValue) \($0.prefix) \($0.nextHopType.rawValue)" }
            .sorted()
        #expect(
            invalid == [
                "Default 0.0.0.0/0 Internet", "Default 10.0.0.0/16 VnetLocal", "Default 10.1.0.0/16 VNetPeering",
                "Default 10.2.0.0/16 VNetPeering", "VirtualNetworkGateway 10.10.0.0/16 VirtualNetworkGateway",
            ])
        #expect(!routes.contains { $0.origin == .reservedNone })
    }

    @Test("§2.5 Subnet2: default, peering and gateway routes all active; unknown private space is dropped (R2)")
    func subnet2() throws {
        let routes = example.effectiveRoutes[try subnet(example, "VNet1/Subnet2")].routes
        #expect(routes.allSatisfy { $0.state == .active })
        #expect(try route(example, "VNet1/Subnet2", "10.1.0.9").nextHopType == .vnetPeering)
        #expect(try route(example, "VNet1/Subnet2", "10.2.0.9").nextHopType == .vnetPeering)
        #expect(try route(example, "VNet1/Subnet2", "10.10.3.3").nextHopType == .virtualNetworkGateway)
        #expect(try route(example, "VNet1/Subnet2", "10.99.0.1").nextHopType == NextHopType.none)
        #expect(try route(example, "VNet1/Subnet2", "192.168.1.1").nextHopType == NextHopType.none)
        #expect(try route(example, "VNet1/Subnet2", "100.64.0.1").nextHopType == NextHopType.none)
        #expect(try route(example, "VNet1/Subnet2", "52.1.1.1").nextHopType == .internet)
        #expect(routes.filter { $0.origin == .reservedNone }.count == 4)
    }

    @Test("a UDR affects only subnets it is associated with (R7)")
    func udrScope() throws {
        let vnet2 = example.effectiveRoutes[try subnet(example, "VNet2/Subnet1")].routes
        #expect(!vnet2.contains { $0.source == .user })
        #expect(try route(example, "VNet2/Subnet1", "10.0.0.5").nextHopType == .vnetPeering)
    }

    @Test("R2: a VNet range equal to or wider than a reserved prefix replaces its None route")
    func reservedRemoved() throws {
        let t = try TestFiles.topology("Tests/RoundTripCoreTests/Fixtures/routing/route-selection.yaml")
        let routes = t.effectiveRoutes[try subnet(t, "big/a")].routes
        let none = routes.filter { $0.origin == .reservedNone }.map(\.prefix.description).sorted()
        #expect(none == ["100.64.0.0/10"])
        #expect(try route(t, "big/a", "10.200.0.1").nextHopType == .vnetLocal)
        #expect(try route(t, "big/a", "172.20.0.1").nextHopType == .vnetLocal)
        #expect(try route(t, "big/a", "192.169.0.1").nextHopType == .vnetLocal)
    }

    @Test("R20: VNet routes win over more specific BGP routes; R19: BGP beats the system None route")
    func vnetBeatsBGP() throws {
        let t = try TestFiles.topology("Tests/RoundTripCoreTests/Fixtures/routing/route-selection.yaml")
        #expect(try route(t, "big/a", "10.1.0.9").nextHopType == .vnetLocal)
        let onPrem = try route(t, "big/a", "100.70.3.3")
        #expect(onPrem.nextHopType == .virtualNetworkGateway)
        #expect(onPrem.source == .virtualNetworkGateway)
        let routes = t.effectiveRoutes[try subnet(t, "big/a")].routes
        #expect(routes.contains { $0.origin == .reservedNone && $0.state == .invalid })
    }

    @Test("R14: disableBgpRoutePropagation removes gateway routes")
    func propagation() throws {
        let t = try TestFiles.topology("Tests/RoundTripCoreTests/Fixtures/routing/route-selection.yaml")
        let routes = t.effectiveRoutes[try subnet(t, "big/quiet")].routes
        #expect(!routes.contains { $0.source == .virtualNetworkGateway })
        #expect(try route(t, "big/quiet", "100.70.3.3").nextHopType == NextHopType.none)
    }

    @Test("R13a: on an identical prefix a regional service tag beats AzureCloud.<region>")
    func serviceTagRank() throws {
        let t = try TestFiles.topology("Tests/RoundTripCoreTests/Fixtures/routing/route-selection.yaml")
        let chosen = try route(t, "big/tags", "52.100.1.1")
        #expect(userRouteName(t, chosen) == "storage")
        #expect(chosen.nextHopType == .internet)
        let routes = t.effectiveRoutes[try subnet(t, "big/tags")].routes
        #expect(routes.contains { $0.serviceTag == "AzureCloud.westeurope" && $0.state == .invalid })
    }
}
