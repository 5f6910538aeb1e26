// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick

// The window arrives with the desktop issue; this keeps the module and its build honest meanwhile.
Window {
    width: 960
    height: 640
    title: qsTr("Baton")
}
