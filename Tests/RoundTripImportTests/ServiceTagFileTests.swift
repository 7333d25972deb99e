import Foundation
import RoundTripCore
import RoundTripImport
import RoundTripTestSupport
import Testing

/// Service tags never reject a well-formed design: unknown tags warn and match nothing; Microsoft's Service Tags file
/// resolves them.
@Suite("Service tags and the Service Tags file")
struct ServiceTagFileTests {
    static let folder = "Tests/RoundTripImportTests/Fixtures/service-tags"
    static let design = "\(folder)/unresolved-tags.yaml"
    static let file = "\(folder)/ServiceTags_Public_test.json"

    static func table(_ name: String = file) throws -> ServiceTagFile {
        try DesignImporter.importServiceTags(Data(contentsOf: TestFiles.url(name)), file: name)
    }

    static func userRoutes(_ t: Topology, _ subnet: String) throws -> [EffectiveRoute] {
        let index = try #require(t.subnetIndex(named: subnet))
        return t.effectiveRoutes[index].routes.filter { $0.source == .user }
    }

    static func rule(_ t: Topology, _ name: String) throws -> Firewall.NetworkRule {
        try #require(t.firewalls.first?.networkCollections.flatMap(\.rules).first { $0.name == name })
    }

    @Test("well-formed tag names, Azure's naming")
    func names() {
        for name in [
            "AzureCloud", "AzureCloud.eastus2", "Storage.WestEurope", "AzureFrontDoor.Backend", "AzureContainerRegistry", "Sql.EastUS2EUAP",
            "AzureCloud.east-us",
        ] {
            #expect(ServiceTagTable.isValidName(name), "\(name)")
        }
        for name in ["", "Storage!", "my-tag", "a.b.c", ".eastus", "Storage.", "1Cloud", "Azure Cloud", "Stórage", "Storage-WestEurope"] {
            #expect(!ServiceTagTable.isValidName(name), "\(name)")
        }
    }

    @Test("without a file, unknown tags compile with warnings naming the tag and the rule, and match nothing")
    func unresolved() throws {
        let t = try TestFiles.topology(Self.design)
        let warnings = t.warnings.filter { $0.code == .unresolvedServiceTag }
        #expect(warnings.count == 3, "\(t.warnings)")
        let route = try #require(warnings.first { $0.message.contains("'AzureCloud.eastus2'") })
        #expect(route.severity == .warning)
        #expect(route.message.contains("route 'eastus2-direct' in route table 'workload-rt'"))
        #expect(route.location.line == 20)
        #expect(route.hint?.contains("--service-tags") == true)
        let storage = try #require(warnings.first { $0.message.contains("'Storage.EastUS2'") })
        #expect(storage.message.contains("firewall 'hub-fw' network rule 'to-storage-eastus2'"))
        #expect(storage.message.contains("never applies"))
        #expect(storage.hint?.contains("define it under serviceTags") == true)
        let acr = try #require(warnings.first { $0.message.contains("'AzureContainerRegistry'") })
        #expect(acr.message.contains("network rule 'to-acr'"))
        // Storage.WestEurope is the built-in excerpt's Storage.westeurope: names match without regard to case.
        #expect(!t.warnings.contains { $0.message.contains("Storage.WestEurope") })
        #expect(try Self.rule(t, "to-storage").destinations.contains(IPv4Address(20, 38, 108, 1)))
        // The tag route contributes no effective route; the tag rule matches nothing; to-acr keeps its CIDR.
        #expect(try Self.userRoutes(t, "hub/workload").map(\.prefix) == [.any])
        #expect(try Self.rule(t, "to-storage-eastus2").destinations.ranges.isEmpty)
        #expect(try Self.rule(t, "to-acr").destinations.contains(IPv4Address(10, 60, 0, 1)))
        #expect(Tracer(t).trace(flowAt: 1).verdict == .denied)
    }

    @Test("the Service Tags file resolves them; IPv6 prefixes are skipped")
    func resolved() throws {
        let file = try Self.table()
        #expect(file.changeNumber == 412)
        #expect(file.cloud == "Public")
        #expect(file.skippedIPv6Prefixes == 4)
        #expect(file.table.count == 4)
        #expect(file.table.origins == [Self.file])
        #expect(file.table.prefixes("azurecloud.EASTUS2")?.map(\.description) == ["20.7.0.0/16", "40.70.0.0/18"])

        let t = try Topology.compile(TestFiles.design(Self.design), serviceTags: file.table)
        #expect(t.warnings.isEmpty, "\(t.warnings)")
        let routes = try Self.userRoutes(t, "hub/workload")
        #expect(routes.filter { $0.serviceTag == "AzureCloud.eastus2" }.map(\.prefix.description) == ["20.7.0.0/16", "40.70.0.0/18"])
        #expect(try Self.rule(t, "to-storage-eastus2").destinations.contains(IPv4Address(20, 60, 56, 10)))
        #expect(try Self.rule(t, "to-acr").destinations.contains(IPv4Address(13, 66, 140, 75)))
        // The file's Storage.WestEurope replaces the built-in excerpt's prefixes.
        #expect(try Self.rule(t, "to-storage").destinations.contains(IPv4Address(20, 60, 4, 10)))
        #expect(try !Self.rule(t, "to-storage").destinations.contains(IPv4Address(20, 47, 7, 1)))
        #expect(Tracer(t).trace(flowAt: 0).verdict == .symmetric)
        #expect(Tracer(t).trace(flowAt: 1).verdict == .symmetric)
    }

    @Test("the design's serviceTags win over the file")
    func precedence() throws {
        var design = try TestFiles.design(Self.design)
        design.serviceTags.append(
            ServiceTagSpec(
                name: "azurecloud.EastUS2", addressPrefixes: [try #require(IPv4Prefix("52.1.0.0/16"))],
                source: SourceMap(element: SourceLocation(file: "test", line: 1, column: 1))))
        let t = try Topology.compile(design, serviceTags: try Self.table().table)
        #expect(try Self.userRoutes(t, "hub/workload").filter { $0.serviceTag != nil }.map(\.prefix.description) == ["52.1.0.0/16"])
    }

    @Test(
        "a malformed Service Tags file is an error at its place, naming the file and what was expected",
        arguments: [
            ("ServiceTags_bad_prefix.json", Diagnostic.Code.badPrefix, 10, "'20.7.0.0/33' is not an IPv4 or IPv6 CIDR prefix"),
            ("ServiceTags_wrong_shape.json", .wrongType, 10, "values[0].properties.addressPrefixes: expected a list"),
            ("ServiceTags_syntax.json", .syntax, 4, "not valid JSON"),
            ("unresolved-tags.yaml", .syntax, 1, "not valid JSON"),
        ])
    func malformed(name: String, code: Diagnostic.Code, line: Int, message: String) throws {
        let path = "\(Self.folder)/\(name)"
        let error = try #require(#expect(throws: DesignError.self) { try Self.table(path) })
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.code == code)
        #expect(diagnostic.location.file == path)
        #expect(diagnostic.location.line == line)
        #expect(diagnostic.message.contains(message), "\(diagnostic)")
        #expect(error.description.hasPrefix("\(path):\(line):"))
    }

    @Test("a missing values list and an empty file are errors")
    func shape() throws {
        for (text, code) in [(#"{"changeNumber": 1, "cloud": "Public"}"#, Diagnostic.Code.missingField), ("  \n", .empty)] {
            let error = try #require(#expect(throws: DesignError.self) { try ServiceTagFile.parse(Data(text.utf8), file: "tags.json") })
            #expect(error.diagnostics.first?.code == code)
            #expect(error.diagnostics.first?.location.file == "tags.json")
        }
    }

    @Test("a route naming text that is no service tag at all is still an error")
    func notATag() throws {
        let text = """
            apiVersion: roundtrip/v1
            name: bad-tag
            region: westeurope
            virtualNetworks:
              - { name: v, addressSpace: [10.0.0.0/16], subnets: [{ name: s, addressPrefix: 10.0.1.0/24, routeTable: rt }] }
            routeTables:
              - name: rt
                routes:
                  - { name: r, addressPrefix: "Storage-WestEurope", nextHopType: Internet }
            """
        let design = try DesignImporter.importDesign(text, file: "bad-tag.yaml")
        let error = try #require(#expect(throws: DesignError.self) { try Topology.compile(design) })
        #expect(error.diagnostics.map(\.code) == [.unknownServiceTag])
        #expect(error.diagnostics.first?.location.line == 9)
    }
}
