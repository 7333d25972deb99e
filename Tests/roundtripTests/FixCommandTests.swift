import Foundation
import RoundTripTestSupport
import Testing

/// Suggested fixes where CI users read them, verified by re-tracing (issue 12, item 6).
@Suite("roundtrip fixes", .serialized)
struct FixCommandTests {
    let runner = CommandTests()
    static let design = "Tests/RoundTripCoreTests/Fixtures/scenarios/S2-no-host-route.yaml"

    @Test("a verified fix in text, JSON, JUnit and SARIF; writing its insertion into the design makes the flow pass")
    func verifiedFix() throws {
        let text = try runner.run(["check", Self.design])
        #expect(text.stdout.contains("fix (verified by re-tracing): add a route 20.61.10.4/32 → Internet"))
        let junit = try runner.run(["check", Self.design, "--format", "junit"])
        #expect(junit.stdout.contains("fix (verified by re-tracing): add a route 20.61.10.4/32"))
        let sarif = try runner.run(["check", Self.design, "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let result = try #require((((log["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])?.first)
        let fix = try #require((result["fixes"] as? [[String: Any]])?.first)
        #expect((fix["artifactChanges"] as? [Any])?.count == 1)
        #expect((result["message"] as? [String: Any])?["text"] as? String ?? "" != "")
        let json = try runner.run(["check", Self.design, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let flow = try #require((object["flows"] as? [[String: Any]])?.first)
        let document = try #require(flow["fix"] as? [String: Any])
        #expect(document["verified"] as? Bool == true)
        #expect(document["kind"] as? String == "fix")
        let insertion = try #require(document["insertion"] as? [String: Any])
        let line = try #require(insertion["line"] as? Int)
        let inserted = try #require(insertion["text"] as? String)
        var lines = try TestFiles.text(Self.design).components(separatedBy: "\n")
        lines.insert(String(inserted.dropLast()), at: line - 1)
        let fixed = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-fixed-\(getpid()).yaml").path
        defer { try? FileManager.default.removeItem(atPath: fixed) }
        try lines.joined(separator: "\n").write(toFile: fixed, atomically: true, encoding: .utf8)
        let after = try runner.run(["check", fixed, "--format", "json"])
        let afterObject = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
        #expect((afterObject["flows"] as? [[String: Any]])?.first?["verdict"] as? String == "symmetric")
    }

    @Test("a fix RoundTrip cannot apply is labelled as a hint")
    func hint() throws {
        let r = try runner.run(["check", "samples/udr-public-lb-asymmetric.yaml"])
        #expect(r.stdout.contains("hint (not verified): publish the service through 'hub-firewall'"))
        let sarif = try runner.run(["check", "samples/udr-public-lb-asymmetric.yaml", "--format", "sarif"])
        #expect(sarif.stdout.contains("Hint (not verified): publish the service"))
        #expect(!sarif.stdout.contains("\"fixes\""))
    }
}
