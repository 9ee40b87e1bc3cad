import { useState, type ReactElement, type ReactNode } from 'react';
import { Button } from 'react-admin';

/**
 * A button that opens a dialog of its own (恢复, 冲销, 重置密码, 停用, 导入, 模拟撮合). The dialog is
 * mounted only while open, so each opening starts with an empty form. The wrapper keeps clicks
 * from reaching a list row under the button: dialogs render in a portal, but React events still
 * bubble through it.
 */
export const DialogButton = ({
    label,
    icon,
    color,
    dialog,
}: {
    label: string;
    icon: ReactElement;
    color?: 'primary' | 'warning' | 'error';
    dialog: (close: () => void) => ReactNode;
}) => {
    const [open, setOpen] = useState(false);
    return (
        // biome-ignore lint/a11y: a wrapper that only keeps clicks from reaching the list row; the Button inside is the control
        <span onClick={(e) => e.stopPropagation()}>
            <Button label={label} color={color} onClick={() => setOpen(true)}>
                {icon}
            </Button>
            {open && dialog(() => setOpen(false))}
        </span>
    );
};
