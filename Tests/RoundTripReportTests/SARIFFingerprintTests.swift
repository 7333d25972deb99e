import Foundation
import RoundTripCore
import RoundTripImport
import RoundTripTestSupport
import Testing

@testable import RoundTripReport

/// SARIF fingerprints come from the rule id, the typed reason's code and the elements involved, never from message text.
@Suite("SARIF fingerprints")
struct SARIFFingerprintTests {
    /// The `roundtripFinding/v2` fingerprints of a SARIF log, by rule id, in order.
    func fingerprints(_ log: String) throws -> [(rule: String, fingerprint: String)] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(log.utf8)) as? [String: Any])
        let runs = try #require(object["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        return try results.map { result in
            let prints = try #require(result["partialFingerprints"] as? [String: String])
            return (result["ruleId"] as? String ?? "", try #require(prints[SARIFReport.fingerprintKey]))
        }
    }

    @Test("a flow's fingerprint is the known derivation from rule, code, flow, leg, drop point and cause")
    func knownDerivation() throws {
        let t = try TestFiles.topology("samples/udr-public-lb-asymmetric.yaml")
        let log = try SARIFReport.log(Checker.check(t), failOn: CheckReport.defaultFailOn, version: "test")
        let first = try #require(try fingerprints(log).first { $0.rule == "RT001" })
        let expected = SARIFReport.fingerprint(
            rule: "RT001",
            identity: .init(
                code: "firewall-no-session",
                elements: ["flow", "internet-to-nginx", "return", "hub-firewall", "route:firewall-routetable/firewall-route"]))
        #expect(first.fingerprint == expected)
    }

    @Test("rewording a message does not change the fingerprint; another reason does")
    func independentOfText() throws {
        let t = try TestFiles.topology("samples/udr-public-lb-asymmetric.yaml")
        let trace = Tracer(t).trace(flowAt: 0)
        guard case .firewallNoSession(let f, var miss) = trace.reason else {
            Issue.record("expected firewallNoSession, got \(trace.reason)")
            return
        }
        // The same reason with other details: its English differs, its identity does not.
        var reworded = trace
        miss.forwardPath = [.internet]
        reworded.reason = .firewallNoSession(firewall: f, miss: miss)
        #expect(t.reasonText(of: reworded) != t.reasonText(of: trace))
        let subject = ["flow", t.flows[0].name]
        let a = SARIFReport.fingerprint(rule: "RT001", identity: SARIFReport.identity(of: trace, subject: subject, in: t))
        let b = SARIFReport.fingerprint(rule: "RT001", identity: SARIFReport.identity(of: reworded, subject: subject, in: t))
        #expect(a == b)
        let resultA = SARIFReport.result("RT001", "error", "one wording", at: t.flows[0].source.element, related: [], fingerprint: a)
        let resultB = SARIFReport.result("RT001", "error", "another wording", at: t.flows[0].source.element, related: [], fingerprint: b)
        #expect(resultA.partialFingerprints == resultB.partialFingerprints)

        var other = trace
        other.reason = .firewallOwnAddress(firewall: f)
        let c = SARIFReport.fingerprint(rule: "RT001", identity: SARIFReport.identity(of: other, subject: subject, in: t))
        #expect(c != a)
    }

    @Test("fingerprints are unique within each golden design's log", arguments: TestFiles.list("samples"))
    func unique(file: String) throws {
        let log = try SARIFReport.log(Checker.check(try TestFiles.topology(file)), failOn: CheckReport.defaultFailOn, version: "test")
        let prints = try fingerprints(log).map(\.fingerprint)
        #expect(Set(prints).count == prints.count)
    }
}
