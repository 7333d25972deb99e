import RoundTripImport
import RoundTripTestSupport
import Testing

@testable import RoundTripCore

/// Exhaustive verification must be exact: compared, on random designs, with brute-force tracing of random clients.
@Suite("Exhaustive verification")
struct ExhaustiveTests {
    /// A deterministic generator (SplitMix64), so a failing seed can be replayed.
    struct Random {
        var generator: SplitMix64
        init(state: UInt64) { generator = SplitMix64(seed: state) }
        mutating func next() -> UInt64 { generator.next() }
        mutating func below(_ n: Int) -> Int { generator.below(n) }
        mutating func publicPrefix() -> String {
            let length = 8 + below(17)
            var first = UInt32(truncatingIfNeeded: next())
            first = (first & 0x7FFF_FFFF) | 0x0100_0000  // avoid 0/8 and the class D/E space
            let p = IPv4Prefix(IPv4Address(first), length: UInt8(length))
            return p.description
        }
    }

    /// A random single-VNet design: a public LB and a firewall with DNAT, random UDRs on the backend subnet, random
    /// DNAT source restrictions, sometimes an on-premises network.
    static func design(seed: UInt64) -> String {
        var r = Random(state: seed)
        var routes = ""
        if r.below(3) > 0 {
            routes += "      - { name: default, addressPrefix: 0.0.0.0/0, nextHopType: VirtualAppliance, nextHopIpAddress: 10.9.2.4 }\n"
        }
        for i in 0..<r.below(5) {
            let hop = ["Internet", "VirtualAppliance", "None"][r.below(3)]
            let ip = hop == "VirtualAppliance" ? ", nextHopIpAddress: 10.9.2.4" : ""
            routes += "      - { name: r\(i), addressPrefix: \(r.publicPrefix()), nextHopType: \(hop)\(ip) }\n"
        }
        if r.below(2) == 0 { routes += "      - { name: fw-host, addressPrefix: 20.9.9.9/32, nextHopType: Internet }\n" }
        let sources = r.below(2) == 0 ? "[\"*\"]" : "[\(r.publicPrefix()), \(r.publicPrefix())]"
        let onPrem = r.below(2) == 0
        // Sometimes an NSG on the backend subnet with random inbound rules on random prefixes and tags (G2, G10, G11).
        var nsg = ""
        if r.below(2) == 0 {
            nsg = "networkSecurityGroups:\n  - name: backend-nsg\n    securityRules:\n"
            for i in 0..<(1 + r.below(4)) {
                let source = [r.publicPrefix(), r.publicPrefix(), "Internet", "VirtualNetwork", "192.168.0.0/22"][r.below(5)]
                let access = r.below(2) == 0 ? "Allow" : "Deny"
                nsg +=
                    "      - { name: n\(i), priority: \(100 + i), direction: Inbound, access: \(access), protocol: Tcp, sourceAddressPrefix: \(source), destinationAddressPrefix: \"*\", destinationPortRange: \"80\" }\n"
            }
            if r.below(2) == 0 {
                nsg +=
                    "      - { name: allow-web, priority: 4000, direction: Inbound, access: Allow, protocol: Tcp, sourceAddressPrefix: Internet, destinationAddressPrefix: \"*\", destinationPortRange: \"80\" }\n"
            }
        }
        let nsgRef = nsg.isEmpty ? "" : ", networkSecurityGroup: backend-nsg"
        return """
            apiVersion: roundtrip/v1
            name: random-\(seed)
            publicIPAddresses:
              - { name: fw-pip, ipAddress: 20.9.9.9 }
              - { name: lb-pip, ipAddress: 20.9.9.10 }
            virtualNetworks:
              - name: v
                addressSpace: [10.9.0.0/16]
                subnets:
                  - { name: backend, addressPrefix: 10.9.1.0/24\(routes.isEmpty ? "" : ", routeTable: rt")\(nsgRef) }
                  - { name: AzureFirewallSubnet, addressPrefix: 10.9.2.0/26 }
                  - { name: GatewaySubnet, addressPrefix: 10.9.3.0/27 }
            \(routes.isEmpty ? "" : "routeTables:\n  - name: rt\n    routes:\n" + routes.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            virtualNetworkGateways:
              - { name: gw, gatewayType: Vpn, subnet: v/GatewaySubnet }
            \(onPrem ? "onPremisesNetworks:\n  - { name: dc, addressPrefixes: [192.168.0.0/20, 172.20.0.0/16], gateway: gw }" : "")
            azureFirewalls:
              - name: fw
                subnet: v/AzureFirewallSubnet
                privateIPAddress: 10.9.2.4
                publicIPAddresses: [fw-pip]
                natRuleCollections:
                  - name: in
                    priority: 100
                    rules:
                      - { name: web, protocols: [TCP], sourceAddresses: \(sources), destinationAddresses: [fw-pip], destinationPorts: ["80"], translatedAddress: 10.9.1.100, translatedPort: 80 }
                networkRuleCollections:
                  - name: east-west
                    priority: 100
                    action: Allow
                    rules:
                      - { name: onprem, protocols: [TCP], sourceAddresses: [192.168.0.0/21], destinationAddresses: [10.9.0.0/16], destinationPorts: ["80"] }
            loadBalancers:
              - name: ilb
                frontendIPConfigurations:
                  - { name: fe, subnet: v/backend, privateIPAddress: 10.9.1.100 }
                backendAddressPools:
                  - { name: pool, members: [vm] }
                loadBalancingRules:
                  - { name: http, frontendIPConfiguration: fe, backendAddressPool: pool, protocol: Tcp, frontendPort: 80, backendPort: 80 }
              - name: plb
                frontendIPConfigurations:
                  - { name: fe, publicIPAddress: lb-pip }
                backendAddressPools:
                  - { name: pool, members: [vm] }
                loadBalancingRules:
                  - { name: http, frontendIPConfiguration: fe, backendAddressPool: pool, protocol: Tcp, frontendPort: 80, backendPort: 80 }
            workloads:
              - { name: vm, kind: vm, subnet: v/backend, ipAddresses: [10.9.1.4, 10.9.1.5] }
            \(nsg)
            """
    }

    @Test("class verdicts equal brute-force traces of random clients, on random designs", arguments: 1...40)
    func matchesBruteForce(seed: Int) throws {
        let text = Self.design(seed: UInt64(seed))
        let t = try Topology.compile(try DesignReader.parse(text, file: "random-\(seed).yaml"))
        let report = ExhaustiveVerifier.verify(t)
        #expect(!report.results.isEmpty)
        var r = Random(state: UInt64(seed) &* 7919)
        let tracer = Tracer(t)
        for result in report.results {
            // Random clients from the universe, plus every class's first and last address.
            var probes: [IPv4Address] = []
            for _ in 0..<120 {
                let interval = result.universe.intervals[r.below(result.universe.intervals.count)]
                let span = interval.upperBound - interval.lowerBound + 1
                probes.append(IPv4Address(UInt32(interval.lowerBound + r.next() % span)))
            }
            for v in result.verdicts {
                for interval in v.clients.intervals {
                    probes.append(IPv4Address(UInt32(interval.lowerBound)))
                    probes.append(IPv4Address(UInt32(interval.upperBound)))
                }
            }
            for client in probes {
                let expected = try #require(result.verdicts.first { $0.clients.contains(client) }?.verdict)
                let brute = tracer.trace(ExhaustiveVerifier.flow(for: result.entry, client: client, in: t), backend: result.backend)
                #expect(brute.verdict == expected, "seed \(seed), \(result.entry.name), client \(client)")
            }
        }
    }

    @Test("the asymmetric seed sample is asymmetric for every Internet client; the DNAT fix is symmetric for every one")
    func samples() throws {
        let asymmetric = ExhaustiveVerifier.verify(try TestFiles.topology("samples/udr-public-lb-asymmetric.yaml"))
        for result in asymmetric.results {
            #expect(result.verdicts.map(\.verdict) == [.asymmetric])
            #expect(result.verdicts.first?.clients == result.universe)
        }
        let fixed = ExhaustiveVerifier.verify(try TestFiles.topology("samples/udr-firewall-dnat.yaml"))
        #expect(!fixed.results.isEmpty)
        for result in fixed.results { #expect(result.verdicts.map(\.verdict) == [.symmetric]) }
    }

    @Test("a UDR for a public prefix carves exactly that prefix out of the asymmetric clients")
    func carveOut() throws {
        var text = try TestFiles.text("samples/udr-public-lb-asymmetric.yaml")
        text = text.replacingOccurrences(
            of: "      - { name: firewall-route-internet,",
            with: "      - { name: partner, addressPrefix: 52.10.0.0/16, nextHopType: Internet }\n      - { name: firewall-route-internet,")
        let t = try Topology.compile(try DesignReader.parse(text, file: "carve.yaml"))
        let entry = try #require(t.entryPoints().first { if case .loadBalancerRule = $0.kind { return true } else { return false } })
        let result = ExhaustiveVerifier.verify(t, entries: [entry]).results[0]
        let symmetric = try #require(result.verdicts.first { $0.verdict == .symmetric })
        #expect(symmetric.clients.prefixes == [IPv4Prefix("52.10.0.0/16")!])
        #expect(
            result.verdicts.first { $0.verdict == .asymmetric }?.clients
                == result.universe.subtracting(AddressSpace([IPv4Prefix("52.10.0.0/16")!])))
    }

    @Test("address spaces: subtraction and minimal CIDR cover")
    func addressSpace() {
        let all = AddressSpace([.any])
        let hole = AddressSpace([IPv4Prefix("20.229.246.163/32")!])
        let rest = all.subtracting(hole)
        #expect(rest.count == (1 << 32) - 1)
        #expect(rest.prefixes.count == 32)
        #expect(AddressSpace([IPv4Prefix("10.0.0.0/25")!, IPv4Prefix("10.0.0.128/25")!]).prefixes == [IPv4Prefix("10.0.0.0/24")!])
        #expect(!rest.contains(IPv4Address(20, 229, 246, 163)) && rest.contains(IPv4Address(20, 229, 246, 164)))
    }
}
