extension TopologyScene {
    /// The geometry: a centre column (Internet, hub, on-premises) with a trunk on each side, and the spokes in a grid
    /// to its left and right, filled row by row in name order. Lines run down from a spoke to the gutter under its
    /// row, along it to the trunk, and along the trunk to the hub, so no line crosses a box.
    struct Grid {
        static let gapX = 36.0
        static let gapY = 40.0
        static let trunkGap = 56.0
        static let centreGap = 60.0

        var width = 0.0
        var height = 0.0
        var leftTrunk = 0.0
        var rightTrunk = 0.0
        var centreX = 0.0
        var hubY = 0.0
        /// Spoke key → (left side?, gutter y).
        var spokes: [String: (left: Bool, gutter: Double)] = [:]

        init(spokes keys: [String], centre: [String], boxes: inout [String: Box]) {
            let n = keys.count
            let meanW = keys.isEmpty ? 0 : keys.compactMap { boxes[$0]?.width }.reduce(0, +) / Double(n)
            let meanH = keys.isEmpty ? 0 : keys.compactMap { boxes[$0]?.height }.reduce(0, +) / Double(n)
            var columns = 0
            if n > 0 {
                let ideal = (Double(n) * (meanH + Self.gapY) / (meanW + Self.gapX) * 0.9).squareRoot()
                columns = max(2, Int(ideal.rounded(.up)))
                columns += columns % 2
                columns = min(columns, n + n % 2)
            }
            let rows = columns == 0 ? 0 : (n + columns - 1) / columns
            let half = columns / 2
            var rowHeight = [Double](repeating: 0, count: rows)
            for (k, key) in keys.enumerated() { rowHeight[k / columns] = max(rowHeight[k / columns], boxes[key]?.height ?? 0) }
            var rowTop = [Double](repeating: 0, count: rows + 1)
            for r in 0..<rows { rowTop[r + 1] = rowTop[r] + rowHeight[r] + Self.gapY }
            let gridHeight = max(0, (rowTop.last ?? 0) - Self.gapY)
            var columnWidth = [Double](repeating: 0, count: columns)
            for (k, key) in keys.enumerated() { columnWidth[k % columns] = max(columnWidth[k % columns], boxes[key]?.width ?? 0) }
            var columnLeft = [Double](repeating: 0, count: columns + 1)
            for c in 0..<columns { columnLeft[c + 1] = columnLeft[c] + columnWidth[c] + Self.gapX }
            let leftWidth = half == 0 ? 0 : columnLeft[half] - Self.gapX
            let centreWidth = centre.compactMap { boxes[$0]?.width }.max() ?? 0
            leftTrunk = leftWidth + Self.trunkGap / 2
            centreX = leftWidth + Self.trunkGap + centreWidth / 2
            rightTrunk = leftWidth + Self.trunkGap + centreWidth + Self.trunkGap / 2
            let rightStart = rightTrunk + Self.trunkGap / 2
            for (k, key) in keys.enumerated() {
                let row = k / columns
                let column = k % columns
                let left = column < half
                let x = left ? columnLeft[column] : rightStart + columnLeft[column] - columnLeft[half]
                let h = boxes[key]?.height ?? 0
                boxes[key]?.x = x + columnWidth[column] / 2
                boxes[key]?.y = rowTop[row] + h / 2
                spokes[key] = (left, rowTop[row] + rowHeight[row] + Self.gapY / 2)
            }
            let centreHeight = centre.compactMap { boxes[$0]?.height }.reduce(0, +) + Self.centreGap * Double(max(0, centre.count - 1))
            var y = max(0, (gridHeight - centreHeight) / 2)
            for key in centre {
                guard let h = boxes[key]?.height else { continue }
                boxes[key]?.x = centreX
                boxes[key]?.y = y + h / 2
                if key.hasPrefix("v") { hubY = y + h / 2 }
                y += h + Self.centreGap
            }
            width = columns > half ? rightStart + columnLeft[columns] - columnLeft[half] - Self.gapX : rightTrunk + Self.trunkGap / 2
            height = max(gridHeight, y - Self.centreGap)
        }

        /// The corner points from box `a` to box `b`, shifted by `offset` so that several lines stay apart.
        func route(from a: String, to b: String, offset: Double, boxes: [String: Box]) -> [(x: Double, y: Double)] {
            guard let boxA = boxes[a], let boxB = boxes[b] else { return [] }
            let sideA = spokes[a]
            let sideB = spokes[b]
            if sideA == nil && sideB == nil {
                return [(boxA.x + offset, boxA.y), (boxB.x + offset, boxB.y)]
            }
            let left = sideA?.left ?? sideB?.left ?? true
            let fromA = chain(a, box: boxA, left: sideA?.left ?? left, offset: offset)
            let fromB = chain(b, box: boxB, left: sideB?.left ?? left, offset: offset)
            if let sideA, let sideB, sideA.left != sideB.left {
                let trunkA = (sideA.left ? leftTrunk : rightTrunk) + offset
                let trunkB = (sideB.left ? leftTrunk : rightTrunk) + offset
                return fromA + [(trunkA, hubY + offset), (trunkB, hubY + offset)] + fromB.reversed()
            }
            return fromA + fromB.reversed()
        }

        /// From a box's centre to its trunk.
        func chain(_ key: String, box: Box, left: Bool, offset: Double) -> [(x: Double, y: Double)] {
            let trunk = (left ? leftTrunk : rightTrunk) + offset
            if let gutter = spokes[key]?.gutter {
                return [(box.x + offset, box.y), (box.x + offset, gutter + offset), (trunk, gutter + offset)]
            }
            return [(box.x, box.y + offset), (trunk, box.y + offset)]
        }
    }
}
