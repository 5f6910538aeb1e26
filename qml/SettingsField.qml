// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

TextField {
    Layout.fillWidth: true
    selectByMouse: true
}
