// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

Label {
    font.pixelSize: Theme.fontPageTitle
    font.weight: Font.DemiBold
}
