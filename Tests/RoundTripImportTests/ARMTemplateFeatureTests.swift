import Foundation
import RoundTripCore
import RoundTripImport
import Testing

/// Small templates, one feature each: copy loops with conditions, nested deployments in both scopes, parameters files,
/// reference() between resources, detection, and the errors with their positions.
@Suite("ARM template features")
struct ARMTemplateFeatureTests {
    static let schema =
        #""$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0""#

    static func template(parameters: String = "{}", variables: String = "{}", resources: String) -> String {
        "{\(schema), \"parameters\": \(parameters), \"variables\": \(variables), \"resources\": \(resources)}"
    }

    static func read(
        _ text: String, parameters: String? = nil
    ) throws(DesignError) -> (resources: [AzureResource], notes: [ImportSummary.Note]) {
        try ARMTemplateReader.read(Data(text.utf8), file: "t.json", parameters: parameters.map { Data($0.utf8) }, parametersFile: "p.json")
    }

    static func failure(_ text: String, parameters: String? = nil) -> Diagnostic? {
        do {
            let result = try read(text, parameters: parameters)
            Issue.record("read: \(result.resources.map(\.id))")
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    @Test("a resource copy loop with a condition per copy: the false ones are noted as skipped")
    func copyWithCondition() throws {
        let text = Self.template(
            resources: #"""
                [{"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01",
                  "name": "[format('vnet{0}', copyIndex(1))]", "condition": "[not(equals(copyIndex(), 1))]",
                  "copy": {"name": "vnets", "count": 3},
                  "properties": {"addressSpace": {"addressPrefixes": ["[cidrSubnet('10.0.0.0/8', 16, copyIndex('vnets'))]"]}}}]
                """#)
        let (resources, notes) = try Self.read(text)
        #expect(resources.map(\.name) == ["vnet1", "vnet3"])
        #expect(resources.map { $0.properties["addressSpace"]?["addressPrefixes"]?[0]?.string } == ["10.0.0.0/16", "10.2.0.0/16"])
        #expect(notes.map(\.reason) == ["condition false"] && notes.first?.resource.hasSuffix("/virtualNetworks/vnet2") == true)
    }

    @Test("copyIndex() in a property loop inside a resource loop: the unnamed one is the resource's")
    func nestedLoops() throws {
        let text = Self.template(
            resources: #"""
                [{"type": "Microsoft.Network/routeTables", "name": "[concat('rt', copyIndex())]", "copy": {"name": "tables", "count": 2},
                  "properties": {"copy": [{"name": "routes", "count": 2,
                    "input": {"name": "[format('r{0}{1}', copyIndex(), copyIndex('routes'))]"}}]}}]
                """#)
        let (resources, _) = try Self.read(text)
        #expect(
            resources.map { $0.properties["routes"]?.array?.compactMap { $0["name"]?.string } ?? [] } == [["r00", "r01"], ["r10", "r11"]])
    }

    @Test("nested deployments: outer scope uses the parent's parameters; inner outputs are readable by reference()")
    func nestedDeployments() throws {
        let text = Self.template(
            parameters: #"{"prefix": {"type": "string", "defaultValue": "outer"}}"#,
            resources: #"""
                [{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "outerScope", "resourceGroup": "net-rg",
                  "properties": {"mode": "Incremental", "template": {"contentVersion": "1.0.0.0",
                    "parameters": {"prefix": {"type": "string", "defaultValue": "ignored"}},
                    "resources": [{"type": "Microsoft.Network/routeTables", "name": "[concat(parameters('prefix'), '-rt')]"}]}}},
                 {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "innerScope",
                  "properties": {"expressionEvaluationOptions": {"scope": "inner"},
                    "parameters": {"prefix": {"value": "[toUpper(parameters('prefix'))]"}},
                    "template": {"contentVersion": "1.0.0.0", "parameters": {"prefix": {"type": "string"}},
                      "resources": [{"type": "Microsoft.Network/routeTables", "name": "[concat(parameters('prefix'), '-rt')]",
                                     "properties": {"note": "[deployment().name]"}}],
                      "outputs": {"tableName": {"type": "string", "value": "[concat(parameters('prefix'), '-rt')]"}}}}},
                 {"type": "Microsoft.Network/routeTables", "name": "reader",
                  "properties": {"copied": "[reference('innerScope').outputs.tableName.value]"}}]
                """#)
        let (resources, _) = try Self.read(text)
        #expect(resources.map(\.name) == ["outer-rt", "OUTER-rt", "reader"])
        #expect(resources[0].id.contains("/resourceGroups/net-rg/"))
        #expect(resources[1].properties["note"]?.string == "innerScope")
        #expect(resources[2].properties["copied"]?.string == "OUTER-rt")
    }

    @Test("a parameters file overrides defaults; a name the template does not define is an error at its position")
    func parametersFile() throws {
        let text = Self.template(
            parameters: #"{"name": {"type": "string", "defaultValue": "default-rt"}, "other": {"type": "int", "defaultValue": 1}}"#,
            resources:
                #"[{"type": "Microsoft.Network/routeTables", "name": "[parameters('name')]", "properties": {"n": "[parameters('other')]"}}]"#
        )
        let file =
            #"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": {"name": {"value": "given-rt"}}}"#
        let (resources, _) = try Self.read(text, parameters: file)
        #expect(resources.first?.name == "given-rt" && resources.first?.properties["n"]?.int == 1)
        #expect(try Self.read(text).resources.first?.name == "default-rt")
        let bad = Self.failure(text, parameters: "{\"parameters\": {\n  \"nmae\": {\"value\": 1}}}")
        #expect(bad?.code == .unknownReference && bad?.location.description == "p.json:2:11")
        #expect(bad?.hint?.contains("name") == true)
    }

    @Test("reference() between resources of the template reads their static properties; a cycle is an error")
    func references() throws {
        let text = Self.template(
            resources: #"""
                [{"type": "Microsoft.Network/publicIPAddresses", "name": "pip", "properties": {"ipAddress": "20.1.2.3"}},
                 {"type": "Microsoft.Network/routeTables", "name": "rt", "properties": {"routes": [{"name": "pip",
                   "properties": {"addressPrefix": "[concat(reference(resourceId('Microsoft.Network/publicIPAddresses', 'pip')).ipAddress, '/32')]",
                                  "nextHopType": "Internet", "state": "[reference('pip', '2023-09-01', 'Full').properties.provisioningState]"}}]}}]
                """#)
        let (resources, _) = try Self.read(text)
        #expect(resources[1].properties["routes"]?[0]?["properties"]?["addressPrefix"]?.string == "20.1.2.3/32")
        #expect(resources[1].unknown.keys.sorted() == ["/properties/routes/0/properties/state"])
        let cycle = Self.template(
            resources: #"""
                [{"type": "Microsoft.Network/routeTables", "name": "a", "properties": {"x": "[reference('b').x]"}},
                 {"type": "Microsoft.Network/routeTables", "name": "b", "properties": {"x": "[reference('a').x]"}}]
                """#)
        #expect(Self.failure(cycle)?.code == .badValue)
    }

    @Test(
        "templates that cannot be evaluated: the error names the position and what was expected",
        arguments: [
            (#"[{"type": "Microsoft.Network/routeTables"}]"#, Diagnostic.Code.missingField, "t.json:1:"),
            (#"[{"type": "Microsoft.Network/routeTables", "name": "[reference('x').name]"}]"#, .badValue, "t.json:1:"),
            (
                #"[{"type": "Microsoft.Network/routeTables", "name": "a", "copy": {"name": "c", "count": "[reference('x').n]"}}]"#,
                .badValue, "t.json:1:"
            ),
            (#"[{"type": "Microsoft.Network/routeTables", "name": "a", "copy": {"name": "c", "count": 801}}]"#, .outOfRange, "t.json:1:"),
            (#"[{"type": "Microsoft.Network/virtualNetworks/subnets", "name": "a"}]"#, .badValue, "t.json:1:"),
            (#"[{"type": "Microsoft.Network/routeTables", "name": "a", "condition": "yes"}]"#, .wrongType, "t.json:1:"),
            (#"[{"type": "Microsoft.Resources/deployments", "name": "d", "properties": {}}]"#, .missingField, "t.json:1:"),
            (#"[{"type": "Microsoft.Network/routeTables", "name": "a", "properties": {"x": "[concat('a', 'b']"}}]"#, .syntax, "t.json:1:"),
            ("\"resources\"", .wrongType, "t.json:1:"),
        ])
    func errors(resources: String, code: Diagnostic.Code, position: String) {
        let diagnostic = Self.failure(Self.template(resources: resources))
        #expect(diagnostic?.code == code, "\(diagnostic?.description ?? "")")
        #expect(diagnostic?.location.description.hasPrefix(position) == true)
    }

    @Test("a malformed expression's message says where in the expression and what was expected")
    func malformedMessage() {
        let text = "{\(Self.schema),\n \"resources\": [{\"type\": \"Microsoft.Network/routeTables\",\n  \"name\": \"[concat('a' 'b')]\"}]}"
        let diagnostic = Self.failure(text)
        #expect(diagnostic?.location.description == "t.json:3:11")
        #expect(diagnostic?.message.contains("expected ',' or ')'") == true)
    }

    @Test("deeply nested deployments end in an error, not a crash")
    func deepDeployments() {
        var inner = #"{"resources": []}"#
        for index in 0..<120 {
            inner =
                #"{"resources": [{"type": "Microsoft.Resources/deployments", "name": "d\#(index)", "properties": {"template": \#(inner)}}]}"#
        }
        #expect(Self.failure(inner)?.code == .syntax)
    }

    @Test("damaged templates are read or rejected with a diagnostic, never a trap")
    func robustness() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/arm/hub-spoke.json")
        let original = Array(try Data(contentsOf: url))
        var generator = SystemRandomNumberGenerator()
        let replacements = Array("[]{}(),.'\"0123456789-/ ae".utf8)
        for round in 0..<300 {
            var bytes = original
            if round % 3 == 0 {
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
            } else {
                for _ in 0..<(1 + round % 4) {
                    let position = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[position] = replacements.randomElement(using: &generator) ?? 0x20
                }
            }
            _ = try? ARMTemplateReader.read(Data(bytes), file: "t.json")
        }
        for expression in ["[format('{9223372036854775807}', 1)]", "[copyIndex(9223372036854775807)]", "[padLeft('a', -5)]"] {
            let text = Self.template(
                resources:
                    #"[{"type": "Microsoft.Network/routeTables", "name": "a", "copy": {"name": "c", "count": 1}, "properties": {"x": "\#(expression)"}}]"#
            )
            _ = try? Self.read(text)
        }
    }

    @Test("detection: a deployment template's schema, or resources with contentVersion")
    func detection() throws {
        let template = try JSONParser.parse(Self.template(resources: "[]"), file: "t.json")
        #expect(ARMTemplateReader.looksLikeTemplate(template))
        #expect(ARMTemplateReader.looksLikeTemplate(try JSONParser.parse(#"{"contentVersion": "1.0.0.0", "resources": {}}"#, file: "t")))
        #expect(!ARMTemplateReader.looksLikeTemplate(try JSONParser.parse(#"{"value": [{"id": "/subscriptions/x"}]}"#, file: "t")))
        let parameters =
            #"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": {}}"#
        #expect(!ARMTemplateReader.looksLikeTemplate(try JSONParser.parse(parameters, file: "t")))
    }
}
