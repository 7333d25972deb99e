import Foundation
import RoundTripTestSupport
import Testing

/// `roundtrip nsg`: IP flow verify and effective security rules, matching the evaluation order of §12 (G2, G6).
@Suite("roundtrip nsg", .serialized)
struct SecurityCommandTests {
    static let s26 = "Tests/RoundTripCoreTests/Fixtures/scenarios/S26.yaml"

    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = CommandTests.binary
        process.arguments = arguments
        process.currentDirectoryURL = TestFiles.root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("IP flow verify: the NIC's NSG first, then the subnet's, which denies (S26)")
    func verify() throws {
        let r = try run(["nsg", Self.s26, "--from", "vm-a", "--to", "web:443", "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["access"] as? String == "Deny")
        let check = try #require((object["checks"] as? [[String: Any]])?.first)
        let decisions = try #require(check["decisions"] as? [[String: Any]])
        #expect(decisions.map { $0["nsg"] as? String } == ["nic-a-allow", "subnet-a-deny"])
        #expect(decisions.map { $0["access"] as? String } == ["Allow", "Deny"])
        #expect(decisions.last?["rule"] as? String == "deny-https-out")
    }

    @Test("effective rules: inbound subnet then NIC, outbound NIC then subnet, defaults in each, in priority order")
    func effective() throws {
        let r = try run(["nsg", Self.s26, "--at", "vm-a", "--format", "json"])
        #expect(r.status == 0)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let entry = try #require(list.first)
        let inbound = try #require(entry["inbound"] as? [[String: Any]])
        let outbound = try #require(entry["outbound"] as? [[String: Any]])
        #expect(
            inbound.map { $0["nsg"] as? String } == Array(repeating: "subnet-a-deny", count: 3) + Array(repeating: "nic-a-allow", count: 3))
        #expect(outbound.first?["name"] as? String == "allow-https-out")
        #expect(outbound.map { $0["priority"] as? Int ?? 0 } == [100, 65000, 65001, 65500, 300, 65000, 65001, 65500])
        #expect(inbound.last?["name"] as? String == "DenyAllInBound")
    }

    @Test("an unknown target gets a did-you-mean and exit 2")
    func unknown() throws {
        let r = try run(["nsg", Self.s26, "--at", "vm-c"])
        #expect(r.status == 2)
    }
}
