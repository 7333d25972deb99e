import Foundation
import RoundTripCore
import RoundTripImport
import RoundTripTestSupport
import Testing

/// Damaged designs must give diagnostics, never a trap: every sample, mutated many ways, is read, compiled and
/// (when valid) checked. A trap would crash the test process.
@Suite("Robustness against damaged input")
struct RobustnessTests {

    static let samples = TestFiles.list("samples")

    /// Reads, compiles and checks; the input error, or nil when the design was valid and checked.
    static func attempt(_ text: String, exhaustive: Bool) -> DesignError? {
        do {
            let topology = try Topology.compile(try DesignReader.parse(text, file: "mutated.yaml"))
            _ = Checker.check(topology, exhaustive: exhaustive)
            return nil
        } catch {
            return error
        }
    }

    @Test("mutated samples are diagnosed or checked, never a crash", arguments: samples)
    func mutations(file: String) throws {
        let original = try TestFiles.text(file).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var random = SplitMix64(seed: UInt64(file.utf8.count) &* 1_000_003)
        let replacements = ["", "0", "-1", "99999", "10.0.0.0/8", "0.0.0.0/0", "\"\"", "[]", "{}", "x/y", "null", "true", "*"]
        var diagnosed = 0
        var checked = 0
        let rounds = Int(ProcessInfo.processInfo.environment["ROUNDTRIP_MUTATIONS"] ?? "") ?? 80
        for round in 0..<rounds {
            var lines = original
            let k = random.below(lines.count)
            switch round % 4 {
            case 0: lines.remove(at: k)
            case 1: lines.insert(lines[k], at: k)
            case 2:
                // Replace a value after a colon.
                if let colon = lines[k].firstIndex(of: ":") {
                    lines[k] = String(lines[k][...colon]) + " " + replacements[random.below(replacements.count)]
                }
            default:
                // Swap two lines.
                let j = random.below(lines.count)
                lines.swapAt(k, j)
            }
            if let error = Self.attempt(lines.joined(separator: "\n"), exhaustive: round % 8 == 0) {
                let positioned = error.diagnostics.allSatisfy { $0.location.file == "mutated.yaml" && $0.location.line >= 1 }
                #expect(!error.diagnostics.isEmpty && positioned, "\(error)")
                diagnosed += 1
            } else {
                checked += 1
            }
        }
        #expect(diagnosed + checked == rounds)
    }
}
