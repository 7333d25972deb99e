import Foundation
import RoundTripTestSupport
import Testing

/// Exit codes that mean one thing, accepted findings and baselines (issue 12, items 2 and 3).
@Suite("roundtrip gate", .serialized)
struct GateCommandTests {
    let runner = CommandTests()

    /// A copy of the asymmetric sample without its expectations, plus `extra` YAML at the end, in a temporary file.
    func design(_ extra: String = "") throws -> String {
        let text = try TestFiles.text("samples/udr-public-lb-asymmetric.yaml").split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("expect") }.joined(separator: "\n")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-gate-\(getpid())-\(UUID().uuidString).yaml")
            .path
        try (text + "\n" + extra).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a finding without an expect fails the run (1); the same with its expect holding passes (0)")
    func exitCodes() throws {
        let path = try design()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try runner.run(["check", path])
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("✗ internet-to-nginx"))
        let expected = try runner.run(["check", "samples/udr-public-lb-asymmetric.yaml"])
        #expect(expected.status == 0)
        #expect(expected.stdout.contains("✓ internet-to-nginx"))
        // trace follows the same rule.
        #expect(try runner.run(["trace", path, "--flow", "internet-to-nginx"]).status == 1)
        #expect(try runner.run(["trace", "samples/udr-public-lb-asymmetric.yaml", "--flow", "internet-to-nginx"]).status == 0)
    }

    @Test("an accepted finding is reported with its reason, suppressed in SARIF, and does not fail the run")
    func accepted() throws {
        let path = try design(
            """
            accepted:
              - flow: internet-to-nginx
                verdict: asymmetric
                reason: migrating to DNAT in CHG-1234
                expires: 2099-12-31
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try runner.run(["check", path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("accepted: migrating to DNAT in CHG-1234 (until 2099-12-31)"))
        let sarif = try runner.run(["check", path, "--format", "sarif"])
        #expect(sarif.status == 0)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = try #require(((log["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
        let suppression = try #require((results.first?["suppressions"] as? [[String: Any]])?.first)
        #expect(suppression["justification"] as? String == "migrating to DNAT in CHG-1234")
        #expect(suppression["status"] as? String == "accepted")
        let json = try runner.run(["check", path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let flow = try #require((object["flows"] as? [[String: Any]])?.first)
        #expect((flow["accepted"] as? [String: Any])?["reason"] as? String == "migrating to DNAT in CHG-1234")
        #expect(flow["fails"] as? Bool == false)
    }

    @Test("an accepted entry point passes check --exhaustive with its reason shown")
    func acceptedEntryPoint() throws {
        let path = try design(
            """
            accepted:
              - flow: internet-to-nginx
                verdict: asymmetric
                reason: tracked in CHG-1234
              - entryPoint: load balancer kubernetes/nginx rule nginx-Tcp-80
                verdict: asymmetric
                reason: same migration
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let without = try runner.run(["check", "samples/udr-public-lb-asymmetric.yaml", "--exhaustive"])
        #expect(without.status == 1, "the sample's entry point fails without an acceptance")
        let r = try runner.run(["check", path, "--exhaustive"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("accepted: same migration"))
    }

    @Test("an acceptance that matches no finding is a warning on standard error")
    func staleAcceptance() throws {
        let path = try design(
            """
            accepted:
              - flow: internet-to-nginx
                verdict: no-route
                reason: stale
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try runner.run(["check", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("warning: the accepted no-route finding for flow 'internet-to-nginx' matches no finding"))
    }

    @Test("an expired acceptance fails again")
    func expired() throws {
        let path = try design(
            """
            accepted:
              - flow: internet-to-nginx
                verdict: asymmetric
                reason: temporary
                expires: 2020-01-31
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try runner.run(["check", path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("acceptance expired after 2020-01-31"))
        let today = try runner.run(["check", path], environment: ["ROUNDTRIP_TODAY": "2020-01-31"])
        #expect(today.status == 0, "the last day still holds")
    }

    @Test("--baseline accepts the findings of an earlier check --format json; exhaustive entry points too")
    func baseline() throws {
        let path = try design()
        let base = path + ".baseline.json"
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: base)
        }
        let first = try runner.run(["check", path, "--exhaustive", "--format", "json", "-o", base])
        #expect(first.status == 1)
        let r = try runner.run(["check", path, "--exhaustive", "--baseline", base])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("accepted: in the baseline \(URL(fileURLWithPath: base).lastPathComponent)"))
        let junit = try runner.run(["check", path, "--exhaustive", "--baseline", base, "--format", "junit"])
        #expect(junit.status == 0)
        #expect(junit.stdout.contains("failures=\"0\""))
        #expect(junit.stdout.contains("<system-out>"))
        let bad = try runner.run(["check", path, "--baseline", path])
        #expect(bad.status == 2)
    }
}
