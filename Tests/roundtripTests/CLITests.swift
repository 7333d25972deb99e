import Foundation
import RoundTripTestSupport
import Testing

/// One consistent command line (issue 12, item 4) and `roundtrip diff` (item 1).
@Suite("roundtrip CLI", .serialized)
struct CLITests {
    /// Runs the binary with optional standard input.
    func run(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:]) throws -> CommandTests.Run {
        let process = Process()
        process.executableURL = CommandTests.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = TestFiles.root
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandTests.Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporary(_ name: String, _ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-cli-\(getpid())-\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("diff reports the flow a changed route breaks, with the route, and exits 1")
    func diffBreaks() throws {
        let before = try TestFiles.text("samples/hub-spoke.yaml")
        let after = try temporary(
            "after.yaml",
            before.replacingOccurrences(
                of: "spoke2-via-firewall, addressPrefix: 10.2.0.0/16", with: "spoke2-via-firewall, addressPrefix: 10.2.2.0/24"))
        defer { try? FileManager.default.removeItem(atPath: after) }
        let r = try run(["diff", "samples/hub-spoke.yaml", after])
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        let text = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("✗ flow 'spoke2-to-onprem': symmetric → asymmetric"))
        #expect(text.contains("instead of route 'spoke2-via-firewall'"))
        #expect(text.contains("changed at \(after):40:9"))
        let markdown = try run(["diff", "samples/hub-spoke.yaml", after, "--format", "markdown"])
        #expect(markdown.status == 1)
        #expect(markdown.stdout.contains("| ❌ | flow 'spoke2-to-onprem' | symmetric |"))
        let json = try run(["diff", "samples/hub-spoke.yaml", after, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["worse"] as? Bool == true)
        let sarif = try run(["diff", "samples/hub-spoke.yaml", after, "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = try #require(((log["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
        #expect(results.count == 1)
        #expect(results.first?["ruleId"] as? String == "RT001")
    }

    @Test("diff reports nothing for a change that breaks nothing and exits 0")
    func diffClean() throws {
        let before = try TestFiles.text("samples/hub-spoke.yaml")
        let after = try temporary("same.yaml", before.replacingOccurrences(of: "description: Hub and spoke", with: "description: Changed"))
        defer { try? FileManager.default.removeItem(atPath: after) }
        let r = try run(["diff", "samples/hub-spoke.yaml", after])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("no flow, entry point or assertion changed"))
    }

    @Test("diff of two Terraform plans with the flows given by --with")
    func diffTerraform() throws {
        let folder = "Tests/RoundTripImportTests/Fixtures/terraform"
        let plan = try TestFiles.text("\(folder)/udr-firewall.plan.json")
        let after = try temporary(
            "pr.plan.json",
            plan.replacingOccurrences(of: "\"next_hop_in_ip_address\": \"10.42.2.4\"", with: "\"next_hop_in_ip_address\": \"10.42.2.99\""))
        defer { try? FileManager.default.removeItem(atPath: after) }
        let same = try run([
            "diff", "\(folder)/udr-firewall.plan.json", "\(folder)/udr-firewall.plan.json", "--with", "\(folder)/udr-firewall.overlay.yaml",
        ])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        let r = try run(["diff", "\(folder)/udr-firewall.plan.json", after, "--with", "\(folder)/udr-firewall.overlay.yaml", "-q"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test(
        "every command that prints results takes --format json and -o",
        arguments: [
            ["check", "samples/hub-spoke.yaml"], ["routes", "samples/hub-spoke.yaml", "spoke1-vnet/workload"],
            ["egress", "samples/udr-firewall.yaml"], ["egress", "samples/udr-firewall.yaml", "--from", "nginx", "--to", "ifconfig.me:80"],
            ["egress", "samples/lb-outbound.yaml", "--what-if", "nodes=52"], ["doctor"],
            ["trace", "samples/hub-spoke.yaml", "--flow", "spoke1-to-spoke2"],
            ["trace", "samples/hub-spoke.yaml", "--flow", "spoke1-to-spoke2", "--exhaustive"],
            ["diff", "samples/hub-spoke.yaml", "samples/hub-spoke.yaml"],
        ])
    func jsonEverywhere(arguments: [String]) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-cli-\(getpid()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try run(arguments + ["--format", "json", "-o", path])
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        #expect(r.stdout.isEmpty)
        let data = try #require(FileManager.default.contents(atPath: path))
        #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
    }

    @Test("'-' reads the design from standard input")
    func standardInput() throws {
        let design = try #require(FileManager.default.contents(atPath: TestFiles.url("samples/hub-spoke.yaml").path))
        let r = try run(["check", "-"], input: design)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("RoundTrip check: hub-spoke (<stdin>)"))
    }

    @Test(
        "misspelt names get a did-you-mean and the valid names",
        arguments: [
            (["chek", "samples/hub-spoke.yaml"], "did you mean 'check'?); commands: check, diff, trace"),
            (
                ["trace", "samples/hub-spoke.yaml", "--flow", "spoke1-to-spoke"],
                "(did you mean 'spoke1-to-spoke2'?); flows: spoke1-to-spoke2"
            ),
            (["egress", "samples/hub-spoke.yaml", "--from", "spoke1vm"], "(did you mean 'spoke1-vm'?); workloads: spoke1-vm, spoke2-vm"),
            (["routes", "samples/hub-spoke.yaml", "spoke1-vnet/workloads"], "(did you mean 'spoke1-vnet/workload'?); subnets: hub-vnet/"),
        ])
    func didYouMean(arguments: [String], message: String) throws {
        let r = try run(arguments)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test(
        "help examples are never wrapped inside a command",
        arguments: ["check", "diff", "trace", "routes", "egress", "report", "import", "nsg", "doctor", "bench"])
    func helpExamples(command: String) throws {
        let r = try run([command, "--help"], environment: ["COLUMNS": "80"])
        var inExamples = false
        for line in r.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Example") {
                inExamples = true
                continue
            }
            if line.isEmpty { inExamples = false }
            if inExamples { #expect(line.hasPrefix("  ") && !line.hasPrefix("   "), "\(command): wrapped example line '\(line)'") }
        }
    }

    @Test("--color always colours the marks, never and NO_COLOR do not; -q prints nothing; --version")
    func display() throws {
        let always = try run(["check", "samples/hub-spoke.yaml", "--color", "always"])
        #expect(always.stdout.contains("\u{1B}[32m✓\u{1B}[0m spoke1-to-spoke2"))
        let never = try run(["check", "samples/hub-spoke.yaml", "--color", "never"])
        #expect(!never.stdout.contains("\u{1B}["))
        let auto = try run(["check", "samples/hub-spoke.yaml"], environment: ["NO_COLOR": "1"])
        #expect(!auto.stdout.contains("\u{1B}["))
        let quiet = try run(["check", "samples/udr-public-lb-asymmetric.yaml", "-q"])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
        let version = try run(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("0."))
    }

    @Test("report takes -o and --output as well as --out")
    func reportOutput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-cli-report-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try run(["report", "samples/hub-spoke.yaml", "-o", folder, "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/index.html"))
        #expect(r.stdout.isEmpty)
    }
}
