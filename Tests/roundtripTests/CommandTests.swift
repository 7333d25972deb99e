import Foundation
import RoundTripTestSupport
import Testing

/// Runs the built `roundtrip` binary: exit codes, outputs, bad input.
@Suite("roundtrip command", .serialized)
struct CommandTests {
    static var binary: URL {
        // The test runner sits next to the executable in the build products folder.
        let products = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
        let beside = products.appendingPathComponent("roundtrip")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return TestFiles.url(".build/debug/roundtrip")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = TestFiles.root
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("the asymmetric sample, whose expect holds, exits 0 with verdict asymmetric, the firewall and the route in JSON")
    func asymmetricJSON() throws {
        let r = try run(["check", "samples/udr-public-lb-asymmetric.yaml", "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let flow = try #require((object["flows"] as? [[String: Any]])?.first)
        #expect(flow["verdict"] as? String == "asymmetric")
        #expect(flow["droppedAt"] as? String == "hub-firewall")
        #expect(((flow["cause"] as? [String: Any])?["route"] as? [String: Any])?["addressPrefix"] as? String == "0.0.0.0/0")
    }

    @Test(
        "every other seed sample exits 0",
        arguments: [
            "samples/lb-outbound.yaml", "samples/managed-natgw.yaml", "samples/user-natgw.yaml", "samples/udr-firewall.yaml",
            "samples/udr-firewall-dnat.yaml", "samples/udr-appgw.yaml", "samples/hub-spoke.yaml", "samples/hub-spoke-secured.yaml",
        ])
    func cleanSamples(file: String) throws {
        let r = try run(["check", file])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    }

    @Test("with no file, check runs the bundled seed-lab design")
    func bundled() throws {
        let r = try run(["check"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("aks-egress-lab"))
        #expect(r.stdout.contains("6 flows"))
    }

    @Test("a rejected design with --format json prints its diagnostics as JSON at their locations and exits 2")
    func diagnosticsJSON() throws {
        let r = try run(["check", "Tests/RoundTripImportTests/Fixtures/invalid/unknown-reference.yaml", "--format", "json"])
        #expect(r.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["code"] as? String == "unknown-reference")
        #expect(first["severity"] as? String == "error")
        #expect(first["hint"] as? String == "did you mean 'firewall-routetable'?")
        let location = try #require(first["location"] as? [String: Any])
        #expect(location["line"] as? Int == 7)
        #expect(location["column"] as? Int == 60)
        #expect((object["summary"] as? [String: Any])?["errors"] as? Int == 1)
    }

    @Test("bad input exits 2 with file:line:column on standard error and nothing on standard output")
    func badInput() throws {
        let r = try run(["check", "Tests/RoundTripImportTests/Fixtures/invalid/unknown-field.yaml"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(
            r.stderr.contains(
                "unknown-field.yaml:9:9: error: subnet 'a' of 'vnet': unknown field 'routeTabel' (did you mean 'routeTable'?)"))
    }

    @Test(
        "usage errors and missing files exit 2",
        arguments: [
            ["check", "--format", "xml"], ["check", "no-such-file.yaml"], ["trace", "samples/hub-spoke.yaml"],
            ["routes", "samples/hub-spoke.yaml", "nope/nope"], ["check", "samples", "--fail-on", "bogus"],
        ])
    func usage(arguments: [String]) throws {
        let r = try run(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(!r.stderr.isEmpty)
    }

    @Test("trace prints the round trip hop by hop")
    func trace() throws {
        let r = try run(["trace", "samples/hub-spoke.yaml", "--from", "spoke1-vm", "--to", "spoke2-vm:443/tcp"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("verdict: symmetric"))
        #expect(r.stdout.contains("forward:") && r.stdout.contains("return:"))
        #expect(r.stdout.contains("firewall hub-fw instance"))
    }

    @Test("routes prints the effective routes of a subnet")
    func routes() throws {
        let r = try run(["routes", "samples/hub-spoke.yaml", "spoke1-vnet/workload"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("VirtualAppliance  10.0.1.4"))
    }

    @Test("report writes one SVG per flow, topology.svg and index.html, byte-identical across runs")
    func report() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-report-\(getpid())")
        defer { try? FileManager.default.removeItem(at: base) }
        var outputs: [[String: Data]] = []
        for run in 0..<2 {
            let folder = base.appendingPathComponent("\(run)").path
            let r = try self.run(["report", "samples/udr-public-lb-asymmetric.yaml", "--out", folder])
            #expect(r.status == 0)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            #expect(names == [".roundtrip-report", "flow-01-internet-to-nginx.svg", "index.html", "topology.svg"])
            #expect(r.stdout.contains("index.html") && r.stdout.contains("1 asymmetric") && r.stdout.contains("exit 0"))
            outputs.append(
                Dictionary(
                    uniqueKeysWithValues: try names.map {
                        ($0, try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent($0)))
                    }))
        }
        #expect(outputs[0] == outputs[1], "two runs wrote different bytes")
        let svg = String(decoding: outputs[0]["flow-01-internet-to-nginx.svg"] ?? Data(), as: UTF8.self)
        #expect(svg.contains("kubernetes") && svg.contains("R1") && svg.contains("hub&#45;firewall") && svg.contains("✖ asymmetric"))
    }

    @Test("trace --exhaustive gives the client set of each verdict for one flow")
    func traceExhaustive() throws {
        let r = try run(["trace", "samples/hub-spoke-one-sided-udr.yaml", "--flow", "onprem-to-spoke2", "--exhaustive"])
        #expect(r.status == 0, "the flow expects asymmetric, and it is")
        #expect(r.stdout.contains("asymmetric for every client in on-premises 'datacenter'"))
    }

    @Test("trace renders a path diagram as DOT, SVG or PNG")
    func traceDiagram() throws {
        let dot = try run(["trace", "samples/hub-spoke.yaml", "--flow", "spoke1-to-spoke2", "--format", "dot"])
        #expect(dot.status == 0 && dot.stdout.hasPrefix("digraph"))
        let svg = try run(["trace", "samples/hub-spoke.yaml", "--flow", "spoke1-to-spoke2", "--format", "svg"])
        #expect(svg.status == 0 && svg.stdout.contains("<svg"))
    }

    @Test("doctor reports the Graphviz version and the dot layout")
    func doctor() throws {
        let r = try run(["doctor"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Graphviz library: "))
        #expect(r.stdout.contains("layouts: dot"))
    }

    @Test("missing Graphviz plugins (no config6a) are a clear error, exit 2, and no report files")
    func missingPlugins() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-no-plugins-\(getpid())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let out = empty.appendingPathComponent("report").path
        let r = try run(["report", "samples/hub-spoke.yaml", "--out", out], environment: ["GVBINDIR": empty.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("config6a"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: out))?.isEmpty ?? true)
        let doctor = try run(["doctor"], environment: ["GVBINDIR": empty.path])
        #expect(doctor.status == 2 && doctor.stdout.contains("config6a"))
    }

    @Test("check --exhaustive proves the DNAT fix for every client and exits 0; the asymmetric sample exits 1")
    func exhaustive() throws {
        let fixed = try run(["check", "samples/udr-firewall-dnat.yaml", "--exhaustive"])
        #expect(fixed.status == 0, "\(fixed.stdout)")
        #expect(fixed.stdout.contains("symmetric for every Internet client"))
        let broken = try run(["check", "samples/udr-public-lb-asymmetric.yaml", "--exhaustive", "--format", "sarif"])
        #expect(broken.status == 1)
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(broken.stdout.utf8)) as? [String: Any])
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let lines = results.filter { $0["ruleId"] as? String == "RT001" }.compactMap { result -> Int? in
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            return (location?["region"] as? [String: Any])?["startLine"] as? Int
        }
        #expect(!lines.isEmpty && lines.allSatisfy { $0 == 21 })
    }

    @Test("--fail-on none still fails on a failed assertion; junit output has one case per flow and assertion")
    func failOnAndJUnit() throws {
        let r = try run(["check", "--fail-on", "none", "--format", "junit"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("<testcase classname=\"roundtrip.assertions\" name=\"no-asymmetric-ingress\""))
        // 6 flows, 2 assertions, 10 AKS required-egress destinations.
        #expect(r.stdout.components(separatedBy: "<testcase ").count - 1 == 18)
        let clean = try run(["check", "samples/udr-public-lb-asymmetric.yaml", "--fail-on", "none"])
        #expect(clean.status == 0)
    }

    @Test("egress prints the public source and shows what-if side by side")
    func egress() throws {
        let r = try run(["egress", "samples/udr-firewall.yaml", "--from", "nginx"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("leaves via Azure Firewall 'hub-firewall'") && r.stdout.contains("public source: 20.229.246.163"))
        let to = try run(["egress", "samples/udr-firewall.yaml", "--from", "nginx", "--to", "ifconfig.me:80"])
        #expect(to.status == 0)
        #expect(to.stdout.contains("application rule 'ifconfig'") && to.stdout.contains("leaves from 20.229.246.163"))
        let denied = try run(["egress", "samples/udr-firewall-aks-rules-only.yaml", "--from", "nginx", "--to", "ifconfig.me:80"])
        #expect(denied.status == 1)
        #expect(denied.stdout.contains("Action: Deny. Reason: No rule matched."))
        let whatIf = try run(["egress", "samples/lb-outbound.yaml", "--from", "aks-nodes", "--what-if", "outboundType=managedNATGateway"])
        #expect(whatIf.status == 0)
        #expect(whatIf.stdout.contains("what-if: NAT gateway 'what-if-natgw'"))
        let bad = try run(["egress", "samples/lb-outbound.yaml", "--what-if", "outboundType=sideways"])
        #expect(bad.status == 2)
    }

    @Test("generate writes a design that checks")
    func generate() throws {
        let r = try run(["generate", "hub-spoke", "--spokes", "12", "--seed", "3"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("name: hub-spoke-12"))
        let bad = try run(["generate", "hub-spoke", "--spokes", "0"])
        #expect(bad.status == 2)
    }

    @Test("--output writes the file atomically and refuses to overwrite the input")
    func output() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("out.json").path
        let r = try run(["check", "samples/hub-spoke.yaml", "--format", "json", "--output", target])
        #expect(r.status == 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("\"verdict\" : \"symmetric\""))
        let copy = directory.appendingPathComponent("design.yaml").path
        try FileManager.default.copyItem(atPath: TestFiles.url("samples/hub-spoke.yaml").path, toPath: copy)
        let refused = try run(["check", copy, "--output", copy])
        #expect(refused.status == 2)
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == (try TestFiles.text("samples/hub-spoke.yaml")))
    }

    @Test("--service-tags and ROUNDTRIP_SERVICE_TAGS resolve tags the built-in excerpt lacks; without them, warnings")
    func serviceTags() throws {
        let design = "Tests/RoundTripImportTests/Fixtures/service-tags/unresolved-tags.yaml"
        let tags = "Tests/RoundTripImportTests/Fixtures/service-tags/ServiceTags_Public_test.json"
        let bare = try run(["routes", design, "hub/workload"])
        #expect(bare.status == 0)
        #expect(!bare.stdout.contains("20.7.0.0/16"))
        #expect(bare.stderr.contains("warning: route 'eastus2-direct' in route table 'workload-rt': service tag 'AzureCloud.eastus2'"))
        let check = try run(["check", design])
        #expect(check.status == 0)
        #expect(check.stderr.contains("network rule 'to-storage-eastus2': service tag 'Storage.EastUS2'"))
        #expect(check.stdout.contains("denied"))

        for r in [
            try run(["routes", design, "hub/workload", "--service-tags", tags]),
            try run(["routes", design, "hub/workload"], environment: ["ROUNDTRIP_SERVICE_TAGS": tags]),
        ] {
            #expect(r.status == 0)
            #expect(r.stdout.contains("20.7.0.0/16") && r.stdout.contains("[AzureCloud.eastus2]"), "\(r.stdout)")
            #expect(!r.stderr.contains("warning"), "\(r.stderr)")
        }
        let resolved = try run(["check", design, "--service-tags", tags, "--format", "json"])
        #expect(resolved.status == 0)
        #expect(!resolved.stdout.contains("\"denied\""))
        // The option wins over the environment.
        let both = try run(["check", design, "--service-tags", tags], environment: ["ROUNDTRIP_SERVICE_TAGS": "missing.json"])
        #expect(both.status == 0)

        let bad = "Tests/RoundTripImportTests/Fixtures/service-tags/ServiceTags_bad_prefix.json"
        let rejected = try run(["trace", design, "--flow", "vm-to-storage", "--service-tags", bad])
        #expect(rejected.status == 2)
        #expect(rejected.stderr.contains("\(bad):10:"))
        let missing = try run(["egress", design], environment: ["ROUNDTRIP_SERVICE_TAGS": "missing.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("missing.json: error: no such file"))
    }
}
