import Foundation
import RoundTripCore
import Testing

@testable import RoundTripImport

/// The template language: parsing expressions and every supported function, table-driven.
@Suite("ARM template expressions")
struct ARMExpressionTests {
    static let parameters = #"""
        {"prefix": {"type": "string", "defaultValue": "hub"},
         "spokes": {"type": "array", "defaultValue": [{"name": "spoke1", "cidr": "10.1.0.0/16"}, {"name": "spoke2", "cidr": "10.2.0.0/16"}]},
         "count": {"type": "int", "defaultValue": 3},
         "nodefault": {"type": "securestring"}}
        """#
    static let variables = #"""
        {"vnet": "[concat(parameters('prefix'), '-vnet')]", "chain": "[variables('vnet')]",
         "loopA": "[variables('loopB')]", "loopB": "[variables('loopA')]",
         "obj": {"a": 1, "Nested": {"b": [10, 20]}},
         "copy": [{"name": "numbers", "count": 3, "input": "[mul(copyIndex('numbers'), 10)]"}]}
        """#

    /// Evaluates one template string against the parameters and variables above.
    static func evaluate(_ text: String) throws -> ARMValue {
        let template = try JSONParser.parse(#"{"parameters": \#(parameters), "variables": \#(variables), "resources": []}"#, file: "t.json")
        let evaluator = ARMEvaluator(file: "t.json")
        let scope = ARMScope(template: template, pointer: .root, context: ARMDeploymentContext(), given: [:])
        let node = JSONNode(.string(text), line: 7, column: 9, offset: 0)
        return try evaluator.evaluate(text, node: node, at: .root / "x", in: ARMFrame(scope: scope))
    }

    @Test(
        "parsing: literals, calls, properties, indexes, escapes",
        arguments: [
            ("'it''s'", "'it''s'"), ("42", "42"), ("-7", "-7"), ("true", "true"),
            ("concat(parameters('p'), '-vnet')", "concat(parameters('p'), '-vnet')"),
            (
                "  reference( 'x' ).ipConfigurations[0].properties . privateIPAddress ",
                "reference('x').ipConfigurations[0].properties.privateIPAddress"
            ),
            ("variables('o')['key'][1]", "variables('o')['key'][1]"), ("__bicep.fn(1, 'a')", "__bicep.fn(1, 'a')"), ("null()", "null()"),
        ])
    func parsing(source: String, canonical: String) throws {
        #expect(try ARMExpressionParser.parse(source).description == canonical)
    }

    @Test(
        "malformed expressions are rejected with the offset of the problem",
        arguments: [
            ("concat('a'", 10), ("'open", 0), ("concat('a',)", 11), ("foo", 0), ("f().(", 4), ("1.5", 1), ("f()[0", 5), ("f() g()", 4),
            ("99999999999999999999", 0),
        ])
    func malformed(source: String, offset: Int) {
        #expect(throws: ARMExpressionError.self) { try ARMExpressionParser.parse(source) }
        do {
            _ = try ARMExpressionParser.parse(source)
        } catch {
            #expect(error.offset == offset, "\(error.message)")
        }
    }

    @Test("nesting beyond the limit is an error, not a crash")
    func deepNesting() {
        let deep = String(repeating: "concat(", count: 500) + "'a'" + String(repeating: ")", count: 500)
        #expect(throws: ARMExpressionError.self) { try ARMExpressionParser.parse(deep) }
        #expect(throws: DesignError.self) { try Self.evaluate("[" + deep + "]") }
    }

    @Test("template strings: [[ escapes a literal bracket, text without brackets is literal")
    func templateStrings() throws {
        #expect(try Self.evaluate("[[not an expression]") == .string("[not an expression]"))
        #expect(try Self.evaluate("plain [text]") == .string("plain [text]"))
        #expect(try Self.evaluate("[ 'spaced' ]") == .string("spaced"))
    }

    static let table: [(String, String)] = [
        // strings
        ("concat('a', 'b', 1, true)", #""ab1True""#), ("concat(createArray(1), createArray(2, 3))", "[1,2,3]"),
        ("format('{0}-{1:D3}-{{x}}', 'a', 7)", #""a-007-{x}""#), ("format('{0:x}', 255)", #""ff""#),
        ("string(createObject('a', 1))", #""{\"a\":1}""#), ("string(true)", #""True""#), ("int('42')", "42"), ("bool('TRUE')", "true"),
        ("json('{\"a\": [1, null]}').a", "[1,null]"), ("toLower('AbC')", #""abc""#), ("toUpper('abc')", #""ABC""#),
        ("replace('a-b-c', '-', '_')", #""a_b_c""#), ("split('a/b,c', createArray('/', ','))", #"["a","b","c"]"#),
        ("substring('hello', 1, 3)", #""ell""#), ("length('hello')", "5"), ("length(parameters('spokes'))", "2"),
        ("first('abc')", #""a""#), ("last(createArray(1, 2))", "2"), ("take('abcdef', 2)", #""ab""#),
        ("skip(createArray(1, 2, 3), 2)", "[3]"),
        ("contains('abc', 'b')", "true"), ("contains(variables('obj'), 'NESTED')", "true"), ("contains(createArray(1, 2), 3)", "false"),
        ("empty('')", "true"), ("empty(createArray())", "true"), ("empty(createObject('a', 1))", "false"),
        ("startsWith('Microsoft.Network', 'microsoft')", "true"), ("endsWith('vnet', 'NET')", "true"),
        ("indexOf('abcabc', 'C')", "2"), ("lastIndexOf('abcabc', 'c')", "5"), ("padLeft('7', 3, '0')", #""007""#),
        ("trim('  x ')", #""x""#), ("base64('hi')", #""aGk=""#), ("base64ToString('aGk=')", #""hi""#),
        // logic and numbers
        ("if(equals(parameters('prefix'), 'hub'), 'yes', reference('x'))", #""yes""#), ("not(true)", "false"),
        ("and(true, false)", "false"), ("or(false, true)", "true"), ("equals(createArray(1, 'a'), createArray(1, 'a'))", "true"),
        ("greater(3, 2)", "true"), ("less('a', 'b')", "true"), ("greaterOrEquals(2, 2)", "true"), ("lessOrEquals(3, 2)", "false"),
        ("add(1, 2)", "3"), ("sub(1, 2)", "-1"), ("mul(3, 4)", "12"), ("div(7, 2)", "3"), ("mod(7, 2)", "1"),
        ("min(3, 1, 2)", "1"), ("max(createArray(3, 9, 2))", "9"), ("range(5, 3)", "[5,6,7]"), ("coalesce(null(), 'x')", #""x""#),
        // arrays and objects
        ("array('a')", #"["a"]"#), ("createObject('a', 1, 'b', createArray())", #"{"a":1,"b":[]}"#),
        ("union(createArray(1, 2), createArray(2, 3))", "[1,2,3]"),
        (
            "union(createObject('a', 1, 'o', createObject('x', 1)), createObject('b', 2, 'o', createObject('y', 2)))",
            #"{"a":1,"o":{"x":1,"y":2},"b":2}"#
        ),
        ("intersection(createArray(1, 2, 3), createArray(2, 3, 4))", "[2,3]"),
        ("items(createObject('b', 2, 'a', 1))", #"[{"key":"a","value":1},{"key":"b","value":2}]"#),
        ("objectKeys(variables('obj'))", #"["a","Nested"]"#), ("flatten(createArray(createArray(1), createArray(2)))", "[1,2]"),
        ("tryGet(variables('obj'), 'missing')", "null"), ("variables('obj').nested.B[1]", "20"), ("variables('obj')['a']", "1"),
        ("map(range(0, 3), lambda('i', mul(lambdaVariables('i'), 2)))", "[0,2,4]"),
        ("filter(parameters('spokes'), lambda('s', equals(lambdaVariables('s').name, 'spoke2')))[0].cidr", #""10.2.0.0/16""#),
        ("reduce(range(1, 4), 0, lambda('sum', 'n', add(lambdaVariables('sum'), lambdaVariables('n'))))", "10"),
        (
            "toObject(parameters('spokes'), lambda('s', lambdaVariables('s').name), lambda('s', lambdaVariables('s').cidr))",
            #"{"spoke1":"10.1.0.0/16","spoke2":"10.2.0.0/16"}"#
        ),
        ("sort(createArray(3, 1, 2), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))", "[1,2,3]"),
        // parameters and variables
        ("parameters('PREFIX')", #""hub""#), ("variables('chain')", #""hub-vnet""#), ("variables('numbers')", "[0,10,20]"),
        // resource ids and the deployment
        (
            "resourceId('Microsoft.Network/virtualNetworks', 'hub')",
            #""/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub""#
        ),
        (
            "resourceId('Microsoft.Network/virtualNetworks/subnets', 'hub', 'app')",
            #""/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/app""#
        ),
        (
            "resourceId('net-rg', 'Microsoft.Network/virtualNetworks', 'hub')",
            #""/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/hub""#
        ),
        (
            "resourceId('sub', 'net-rg', 'Microsoft.Network/virtualNetworks/subnets', 'hub/app')",
            #""/subscriptions/sub/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/app""#
        ),
        (
            "subscriptionResourceId('Microsoft.Resources/resourceGroups', 'rg2')",
            #""/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Resources/resourceGroups/rg2""#
        ),
        (
            "extensionResourceId('/subscriptions/s/resourceGroups/g', 'Microsoft.Authorization/locks', 'l')",
            #""/subscriptions/s/resourceGroups/g/providers/Microsoft.Authorization/locks/l""#
        ),
        ("resourceGroup().name", #""rg""#), ("resourceGroup().location", #""westeurope""#),
        ("subscription().subscriptionId", #""00000000-0000-0000-0000-000000000000""#), ("deployment().name", #""roundtrip""#),
        ("length(uniqueString('a', 'b'))", "13"), ("equals(uniqueString('a'), uniqueString('a'))", "true"),
        ("equals(uniqueString('ab', 'c'), uniqueString('a', 'bc'))", "false"), ("length(guid('x'))", "36"),
        // CIDR
        ("cidrSubnet('10.144.0.0/20', 24, 3)", #""10.144.3.0/24""#), ("cidrSubnet('10.0.0.0/16', 26, 4)", #""10.0.1.0/26""#),
        ("cidrHost('10.144.3.0/24', 0)", #""10.144.3.1""#), ("cidrHost('10.0.1.0/26', 3)", #""10.0.1.4""#),
        (
            "parseCidr('10.144.0.0/20')",
            #"{"network":"10.144.0.0","netmask":"255.255.240.0","broadcast":"10.144.15.255","firstUsable":"10.144.0.1","lastUsable":"10.144.15.254","cidr":20}"#
        ),
    ]

    @Test("functions", arguments: table)
    func function(expression: String, expected: String) throws {
        #expect(try Self.evaluate("[\(expression)]").jsonText == expected)
    }

    @Test(
        "values known only after deployment are unknown, and so is everything computed from them",
        arguments: [
            "reference('elsewhere').ipAddress", "listKeys('x', '2023-01-01').keys[0].value", "concat('a', reference('x').b)",
            "length(reference('x').list)", "if(reference('x').flag, 1, 2)", "parameters('nodefault')", "utcNow()", "newGuid()",
        ])
    func unknown(expression: String) throws {
        let value = try Self.evaluate("[\(expression)]")
        #expect(value.isUnknown != nil, "\(value)")
    }

    @Test("structure around unknowns is kept: createArray and createObject hold the unknown as an element or member")
    func partial() throws {
        guard case .array(let elements) = try Self.evaluate("[createArray('a', reference('x').b)]") else {
            Issue.record("not an array")
            return
        }
        #expect(elements.first == .string("a") && elements.last?.isUnknown != nil)
    }

    @Test(
        "evaluation errors name the expression's position and what was expected",
        arguments: [
            ("[parameters('missing')]", Diagnostic.Code.unknownReference), ("[variables('loopA')]", .badValue),
            ("[noSuchFunction()]", .unknownReference), ("[add('a', 1)]", .wrongType), ("[div(1, 0)]", .badValue),
            ("[cidrSubnet('10.0.0.0/16', 8, 0)]", .outOfRange), ("[cidrSubnet('10.0.0.0/24', 26, 4)]", .outOfRange),
            ("[cidrHost('not-a-cidr', 0)]", .badAddress), ("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'hub')]", .badValue),
            ("[createArray(1)[5]]", .outOfRange), ("[copyIndex()]", .badValue), ("[variables('obj').missing]", .unknownReference),
            ("[concat('a',]", .syntax), ("[range(0, 100000)]", .outOfRange), ("[format('{3}', 1)]", .badValue),
        ])
    func errors(text: String, code: Diagnostic.Code) {
        do {
            let value = try Self.evaluate(text)
            Issue.record("accepted: \(value)")
        } catch let error as DesignError {
            #expect(error.diagnostics.first?.code == code, "\(error)")
            // A variable's own error stands at the variable's definition; every other at the expression.
            let expected = text.contains("loopA") ? "t.json:5:44" : "t.json:7:9"
            #expect(error.diagnostics.first?.location.description == expected, "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
