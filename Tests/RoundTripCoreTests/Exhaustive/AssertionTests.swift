import RoundTripImport
import RoundTripTestSupport
import Testing

@testable import RoundTripCore

@Suite("Assertions")
struct AssertionTests {
    @Test("the hub-and-spoke assertions hold for every client, and the policy file adds two more that hold")
    func hubSpoke() throws {
        var design = try TestFiles.design("samples/hub-spoke.yaml")
        design.assertions += try DesignReader.parseAssertions(
            TestFiles.text("samples/policies/hub-spoke-policy.yaml"), file: "samples/policies/hub-spoke-policy.yaml")
        let results = AssertionChecker.check(try Topology.compile(design))
        #expect(
            results.map(\.assertion.name) == [
                "spokes-talk-through-the-firewall", "onprem-reaches-spokes-through-the-firewall", "spoke-egress-leaves-via-the-firewall",
                "no-asymmetric-ingress", "onprem-cannot-reach-spoke2-rdp",
            ])
        for r in results { #expect(r.holds, "\(r.assertion.name): \(r.counterexamples.map(\.reason))") }
        #expect(results[0].classCount == 2)  // both directions
    }

    @Test("no-asymmetric-ingress fails on the seed lab for every Internet client of the public Service")
    func seedLab() throws {
        let results = AssertionChecker.check(try TestFiles.topology("samples/seed-lab.yaml"))
        let ingress = try #require(results.first { $0.assertion.name == "no-asymmetric-ingress" })
        #expect(!ingress.holds)
        #expect(Set(ingress.counterexamples.map(\.destination)) == ["load balancer kubernetes/nginx rule nginx-Tcp-80"])
        for c in ingress.counterexamples {
            #expect(c.clients == c.universe)
            #expect(c.example.verdict == .asymmetric)
        }
        #expect(results.first { $0.assertion.name == "cluster-egress-via-firewall" }?.holds == true)
    }

    @Test("through and egressVia fail when the path avoids the element or leaves elsewhere")
    func pathChecks() throws {
        var design = try TestFiles.design("samples/hub-spoke-one-sided-udr.yaml")
        var through = AssertionSpec(name: "onprem-via-fw", from: "datacenter", to: "spoke2-vm", source: design.source)
        through.port = 443
        through.through = "hub-fw"
        var egress = AssertionSpec(name: "egress", from: "spoke1-vm", to: "packages", source: design.source)
        egress.port = 443
        egress.egressVia = "203.0.113.99"
        design.assertions = [through, egress]
        let results = AssertionChecker.check(try Topology.compile(design))
        #expect(results[0].counterexamples.first?.reason.contains("does not pass 'hub-fw' on the return path") == true)
        #expect(results[1].counterexamples.first?.reason.contains("leaves from 20.50.100.10, not 203.0.113.99") == true)
    }

    @Test("unknown assertion references are input errors with positions")
    func badReference() throws {
        let text = """
            apiVersion: roundtrip/v1
            assertions:
              - { name: a, from: spoke9-vnet, to: internet, port: 443, expect: symmetric }
            """
        var design = try TestFiles.design("samples/hub-spoke.yaml")
        design.assertions = try DesignReader.parseAssertions(text, file: "policy.yaml")
        #expect {
            _ = try Topology.compile(design)
        } throws: { error in
            guard let e = error as? DesignError, let d = e.diagnostics.first else { return false }
            return d.location.file == "policy.yaml" && d.location.line == 3 && d.message.contains("from 'spoke9-vnet'")
                && d.hint == "did you mean 'spoke1-vnet'?"
        }
    }

    @Test("generated estates are deterministic per seed and carry findings")
    func generated() throws {
        let a = SyntheticEstate.hubSpoke(spokes: 30, seed: 5)
        #expect(a == SyntheticEstate.hubSpoke(spokes: 30, seed: 5))
        #expect(a != SyntheticEstate.hubSpoke(spokes: 30, seed: 6))
        let t = try Topology.compile(try DesignReader.parse(a, file: "estate.yaml"))
        #expect(t.vnets.count == 31)
        let report = ExhaustiveVerifier.verify(t)
        let publicLBs = report.results.filter { r in
            if case .loadBalancerRule(let lb, _) = r.entry.kind { return t.loadBalancers[lb].isPublic } else { return false }
        }
        #expect(!publicLBs.isEmpty)
        #expect(publicLBs.allSatisfy { $0.verdicts.map(\.verdict) == [.asymmetric] })
    }
}
