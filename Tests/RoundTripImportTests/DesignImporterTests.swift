import Foundation
import RoundTripCore
import RoundTripImport
import Testing

/// The one entry point for inputs: detection, designs, assertions files, and errors with locations.
@Suite("Design importer")
struct DesignImporterTests {
    static let yaml = """
        apiVersion: roundtrip/v1
        name: tiny
        virtualNetworks:
          - { name: vnet, addressSpace: [10.0.0.0/16], subnets: [{ name: app, addressPrefix: 10.0.1.0/24 }] }
        """
    static let json = """
          {
          "apiVersion": "roundtrip/v1",
          "name": "tiny",
          "virtualNetworks": [
            { "name": "vnet", "addressSpace": ["10.0.0.0/16"], "subnets": [{ "name": "app", "addressPrefix": "10.0.1.0/24" }] }
          ]
        }
        """

    @Test("YAML and JSON are told apart by content, an empty input by its file name")
    func detection() {
        #expect(DesignImporter.detect(Data(Self.yaml.utf8), file: "d.json") == InputDetection(format: .roundtrip, syntax: .yaml))
        #expect(DesignImporter.detect(Data(Self.json.utf8), file: "d.yaml") == InputDetection(format: .roundtrip, syntax: .json))
        #expect(DesignImporter.detect(Data("\u{FEFF}[]".utf8), file: "d").syntax == .json)
        #expect(DesignImporter.detect(Data(" \n".utf8), file: "D.JSON").syntax == .json)
        #expect(DesignImporter.detect(Data(), file: "d.yml").syntax == .yaml)
        #expect(InputFormat.roundtrip.fileExtensions.contains("json"))
    }

    @Test("both syntaxes import to the same design, with source locations")
    func importsBoth() throws {
        let fromYAML = try DesignImporter.importDesign(Data(Self.yaml.utf8), file: "d.yaml")
        let fromJSON = try DesignImporter.importDesign(Data(Self.json.utf8), file: "d.json", format: .roundtrip)
        #expect(fromYAML.name == "tiny" && fromJSON.name == "tiny")
        #expect(fromYAML.virtualNetworks.map(\.subnets.count) == [1])
        #expect(fromJSON.virtualNetworks.map(\.subnets.count) == [1])
        let subnet = try #require(fromYAML.virtualNetworks.first?.subnets.first)
        #expect(subnet.source.element.file == "d.yaml" && subnet.source.element.line == 4)
        #expect(subnet.source.element.resourceID == nil && subnet.source.element.jsonPointer == nil)
    }

    @Test("invalid input is a DesignError with file, line and column")
    func invalid() throws {
        let text = Self.yaml.replacingOccurrences(of: "addressPrefix: 10.0.1.0/24", with: "adressPrefix: 10.0.1.0/24")
        do {
            _ = try DesignImporter.importDesign(Data(text.utf8), file: "bad.yaml")
            Issue.record("accepted a misspelt field")
        } catch {
            let unknown = try #require(error.diagnostics.first { $0.code == .unknownField })
            #expect(unknown.location == SourceLocation(file: "bad.yaml", line: 4, column: 71))
            #expect(unknown.message.contains("unknown field 'adressPrefix'"))
            #expect(unknown.hint == "did you mean 'addressPrefix'?")
            #expect(error.diagnostics.contains { $0.location.column == 58 && $0.message.contains("missing required field") })
        }
        do {
            _ = try DesignImporter.importDesign(Data([0xFF, 0xFE, 0x00]), file: "binary.yaml")
            Issue.record("accepted bytes that are not UTF-8")
        } catch {
            #expect(error.description == "binary.yaml:1:1: error: the file is not UTF-8 text")
        }
    }

    @Test("assertions files go through the same entry point")
    func assertions() throws {
        let text = """
            apiVersion: roundtrip/v1
            assertions:
              - { name: isolated, from: vnet/app, to: 0.0.0.0/0, expect: denied }
            """
        let specs = try DesignImporter.importAssertions(Data(text.utf8), file: "policy.yaml")
        #expect(specs.map(\.name) == ["isolated"])
        #expect(specs.first?.source.element.line == 3)
        #expect(throws: DesignError.self) {
            try DesignImporter.importAssertions(Data("apiVersion: roundtrip/v1\nassertions: 3\n".utf8), file: "policy.yaml")
        }
    }

    @Test("a location from an imported resource names the resource when it has no line")
    func resourceLocation() {
        let plain = SourceLocation(file: "d.yaml", line: 3, column: 5)
        #expect(plain.description == "d.yaml:3:5")
        let id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub"
        let imported = SourceLocation(file: "export.json", line: 0, column: 0, resourceID: id, jsonPointer: "/resources/2")
        #expect(imported.description == "export.json: \(id) at /resources/2")
        #expect(SourceLocation(file: "x.json", line: 2, column: 1, resourceID: id).description == "x.json:2:1")
        #expect(plain < SourceLocation(file: "d.yaml", line: 3, column: 5, resourceID: id))
        #expect(plain != SourceLocation(file: "d.yaml", line: 3, column: 5, resourceID: id))
    }
}
