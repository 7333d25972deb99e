import Foundation
import RoundTripImport
import RoundTripTestSupport
import Testing

@testable import RoundTripCore

/// The details behind the fidelity fixtures' verdicts: which address a firewall SNATs to, which rule decided, where NAT
/// happens. Each fixture's verdicts are asserted by ScenarioTests; these pin the mechanism.
@Suite("Fidelity details")
struct FidelityTests {
    static let nat = "Tests/RoundTripCoreTests/Fixtures/fidelity/F18-D1-firewall-nat.yaml"

    func trace(_ file: String, _ flow: String) throws -> (Topology, FlowTrace) {
        let t = try TestFiles.topology(file)
        let index = try #require(t.flows.firstIndex { $0.name == flow })
        return (t, Tracer(t).trace(flowAt: index))
    }

    @Test("F14: SNAT towards a private destination takes an instance's private address, never the public IP")
    func snatPrivate() throws {
        let (t, trace) = try trace(Self.nat, "a-to-db")
        let snat = try #require(trace.forward.flatMap(\.rewrites).first { $0.kind == .snat })
        #expect(t.firewalls[0].instanceIPs.contains(snat.afterAddress))
        #expect(!t.firewalls[0].publicAddresses.contains(snat.afterAddress))
        #expect(trace.verdict == .symmetric)
    }

    @Test("F18: east-west traffic to a DNAT rule's translated address is allowed by the rule's implicit network rule and SNATed")
    func implicitAllow() throws {
        let (t, trace) = try trace(Self.nat, "a-to-web-80")
        let hop = try #require(trace.forward.first { if case .firewall = $0.node { return true } else { return false } })
        guard case .firewallNatRule(_, let c, let r) = try #require(hop.decision) else {
            Issue.record("the firewall hop was decided by \(String(describing: hop.decision)), not a DNAT rule")
            return
        }
        #expect(t.firewalls[0].natCollections[c].rules[r].name == "web-80")
        #expect(hop.note?.code == "firewall-implicit-dnat-allow")
        #expect(hop.rewrites.contains { $0.kind == .snat && t.firewalls[0].instanceIPs.contains($0.afterAddress) })
    }

    @Test("D1: a DNAT match is final — the network Deny on the translated traffic does not apply")
    func dnatFinal() throws {
        let (_, trace) = try trace(Self.nat, "internet-to-web")
        #expect(trace.verdict == .symmetric)
        #expect(!trace.forward.contains { if case .firewallNetworkRule = $0.decision { return true } else { return false } })
    }

    @Test("L8: an HA-ports rule addressed directly DNATs to the backend, keeping the port")
    func haPortsDNAT() throws {
        let (_, trace) = try trace("Tests/RoundTripCoreTests/Fixtures/fidelity/L8-ha-ports-addressed.yaml", "client-to-frontend")
        let dnat = try #require(trace.forward.flatMap(\.rewrites).first { $0.kind == .dnat })
        #expect(dnat.afterAddress == IPv4Address(10, 3, 1, 4))
        #expect(dnat.afterPort == 8443)
        #expect(trace.reverse.flatMap(\.rewrites).contains { $0.kind == .unDnat })
    }

    @Test("§16 D8: forced-tunnelled egress leaves from an address the design does not know, and says so")
    func forcedTunnel() throws {
        let (t, trace) = try trace("Tests/RoundTripCoreTests/Fixtures/fidelity/D8-forced-tunnel.yaml", "vm-to-internet")
        #expect(trace.verdict == .symmetric)
        #expect(trace.warnings.contains { $0.code == "forced-tunnel-egress" })
        #expect(t.describe(try #require(trace.warnings.first)).contains("does not know"))
    }

    @Test("§16 D4: a flow through a pool is traced for every member; the failing members are listed")
    func everyMember() throws {
        let (_, trace) = try trace("Tests/RoundTripCoreTests/Fixtures/fidelity/D4-every-member.yaml", "internet-to-lb")
        #expect(trace.verdict == .asymmetric)
        #expect(trace.poolSize == 2)
        #expect(trace.failingMembers == [IPv4Address(10, 10, 2, 4)])
    }

    @Test("R18, §16 D11: a finding names the user route that lost to a more specific route, and the route that won")
    func shadowed() throws {
        let (t, trace) = try trace("Tests/RoundTripCoreTests/Fixtures/fidelity/R18-shadowed-udr.yaml", "onprem-to-spoke")
        let shadow = try #require(trace.shadowedRoute)
        guard case .route(let s, let loser) = shadow.loser, case .route(_, let winner) = shadow.winner else {
            Issue.record("shadowed route is not a pair of routes")
            return
        }
        #expect(t.effectiveRoutes[s].routes[loser].prefix.description == "10.0.0.0/9")
        #expect(t.effectiveRoutes[s].routes[winner].nextHopType == .vnetPeering)
        #expect(t.location(of: shadow.loser)?.line == 33)
    }
}
