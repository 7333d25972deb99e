import Foundation
import RoundTripImport
import RoundTripTestSupport
import Testing

@testable import RoundTripCore

/// Every sample and every azure-semantics §10 scenario fixture states its verdicts; each one must hold.
@Suite("Samples and §10 scenarios")
struct ScenarioTests {
    static let files =
        TestFiles.list("samples") + TestFiles.list("Tests/RoundTripCoreTests/Fixtures/scenarios")
        + TestFiles.list("Tests/RoundTripCoreTests/Fixtures/fidelity") + TestFiles.list("Tests/RoundTripCoreTests/Fixtures/policy")

    @Test("every flow's expected verdict, drop point and egress address hold", arguments: files)
    func expectationsHold(file: String) throws {
        let topology = try TestFiles.topology(file)
        let report = Checker.check(topology)
        #expect(!report.results.isEmpty, "\(file) has no flows")
        for result in report.results {
            #expect(result.flow.expect != nil, "\(file): flow '\(result.flow.name)' states no expected verdict")
            #expect(
                result.holds != false,
                "\(file): flow '\(result.flow.name)': \(result.expectationFailures.joined(separator: "; ")) — \(topology.reasonText(of: result.trace))"
            )
        }
    }

    @Test("the asymmetric seed sample names the firewall and the 0.0.0.0/0 route (S1, S20)")
    func asymmetricSample() throws {
        let t = try TestFiles.topology("samples/udr-public-lb-asymmetric.yaml")
        let trace = Tracer(t).trace(flowAt: 0)
        #expect(trace.verdict == .asymmetric)
        let dropped = try #require(trace.droppedAt)
        #expect(t.name(of: dropped) == "hub-firewall")
        guard case .route(let subnet, let index) = try #require(trace.cause) else {
            Issue.record("cause is not a route")
            return
        }
        let route = t.effectiveRoutes[subnet].routes[index]
        #expect(route.prefix == .any && route.nextHopType == .virtualAppliance)
        #expect(t.location(of: trace.cause!)?.line == 21)
        // Forward through the load balancer to a node; the reply goes from the node straight to the firewall.
        #expect(trace.forward.contains { if case .loadBalancer = $0.node { return true } else { return false } })
        #expect(trace.reverse.count == 2)
        #expect(trace.reverse.last?.session?.kind == .missing)
        #expect(trace.reverse.last?.outcome == .dropped)
    }

    @Test("firewall DNAT pairs with SNAT to an instance address, so the backend replies to that instance (F13, S3)")
    func dnatSnat() throws {
        let t = try TestFiles.topology("samples/udr-firewall-dnat.yaml")
        let index = try #require(t.flows.firstIndex { $0.name == "internet-to-firewall-dnat-ilb" })
        let trace = Tracer(t).trace(flowAt: index)
        #expect(trace.verdict == .symmetric)
        let dnat = try #require(
            trace.forward.first {
                $0.rewrites.contains { $0.kind == .dnat }
                    && $0.decision.map { if case .firewallNatRule = $0 { return true } else { return false } } ?? false
            })
        let snat = try #require(dnat.rewrites.first { $0.kind == .snat })
        #expect(t.firewalls[0].instanceIPs.contains(snat.afterAddress))
        let delivered = try #require(trace.forward.last)
        #expect(delivered.packet.source == snat.afterAddress)
        #expect(trace.reverse.last?.packet.source == IPv4Address(20, 229, 246, 163))
    }

    @Test("Application Gateway opens a new connection from its instance address (A1, S13)")
    func appGatewayProxy() throws {
        let t = try TestFiles.topology("samples/udr-appgw.yaml")
        let trace = Tracer(t).trace(flowAt: 0)
        let delivered = try #require(trace.forward.last)
        #expect(t.appGateways[0].instanceIPs.contains(delivered.packet.source))
        #expect(trace.reverse.allSatisfy { if case .firewall = $0.node { return false } else { return true } })
    }

    @Test(
        "egress leaves from the outbound type's public IP (S25)",
        arguments: [
            ("samples/lb-outbound.yaml", ["20.126.14.246"]),
            ("samples/managed-natgw.yaml", ["20.101.4.185", "20.102.5.80"]),
            ("samples/user-natgw.yaml", ["20.16.100.134"]),
            ("samples/udr-firewall.yaml", ["20.229.246.163"]),
        ])
    func egressAddresses(file: String, addresses: [String]) throws {
        let t = try TestFiles.topology(file)
        let trace = Tracer(t).trace(flowAt: try #require(t.flows.firstIndex { $0.name.contains("ifconfig") }))
        #expect(trace.egressAddresses.map(\.description) == addresses)
    }

    @Test("the one-sided spoke drops the reply at its own host with the 10.0.0.0/8 None route (S5, R2)")
    func oneSided() throws {
        let t = try TestFiles.topology("samples/hub-spoke-one-sided-udr.yaml")
        let trace = Tracer(t).trace(flowAt: 0)
        #expect(trace.verdict == .noRoute)
        guard case .route(let s, let i) = try #require(trace.cause) else { Issue.record("no route cause"); return }
        #expect(t.effectiveRoutes[s].routes[i].prefix == IPv4Prefix("10.0.0.0/8"))
        #expect(t.subnets[s].qualifiedName == "spoke2-vnet/workload")
    }

    @Test("the same flow traced twice gives the same hops")
    func deterministic() throws {
        let t = try TestFiles.topology("samples/hub-spoke.yaml")
        for i in t.flows.indices {
            let a = Tracer(t).trace(flowAt: i)
            let b = Tracer(t).trace(flowAt: i)
            #expect(a.forward.map(\.node) == b.forward.map(\.node))
            #expect(a.reverse.map(\.packet) == b.reverse.map(\.packet))
        }
    }
}
