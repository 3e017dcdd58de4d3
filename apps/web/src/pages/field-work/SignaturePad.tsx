import { Button, Flex } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The owner signs with a finger on the technician's phone. The strokes are drawn on a canvas and
 * handed over as a PNG file, which is uploaded as a ticket attachment (the server keeps images only).
 */
export function SignaturePad({ onChange }: { onChange: (file: File | null) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [signed, setSigned] = useState(false);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    // Draw at the screen's pixel density so the signature is not blurred on a phone.
    const ratio = window.devicePixelRatio || 1;
    element.width = element.clientWidth * ratio;
    element.height = element.clientHeight * ratio;
    const context = element.getContext('2d');
    if (!context) return;
    context.scale(ratio, ratio);
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#111';
  }, []);

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  const start = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const context = event.currentTarget.getContext('2d');
    if (!context) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    const { x, y } = point(event);
    context.beginPath();
    context.moveTo(x, y);
    context.lineTo(x + 0.1, y + 0.1);
    context.stroke();
  };
  const move = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const context = event.currentTarget.getContext('2d');
    const { x, y } = point(event);
    context?.lineTo(x, y);
    context?.stroke();
  };
  const end = () => {
    if (!drawing.current) return;
    drawing.current = false;
    setSigned(true);
    canvas.current?.toBlob((blob) => onChange(blob ? new File([blob], 'signature.png', { type: 'image/png' }) : null), 'image/png');
  };
  const clear = () => {
    const element = canvas.current;
    element?.getContext('2d')?.clearRect(0, 0, element.width, element.height);
    setSigned(false);
    onChange(null);
  };

  return (
    <Flex vertical gap={8}>
      <canvas
        ref={canvas}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerLeave={end}
        aria-label={t('fieldWork.complete.signHere')}
        data-testid="signature-pad"
        style={{ width: '100%', height: 180, border: '1px dashed #bbb', borderRadius: 8, background: '#fff', touchAction: 'none' }}
      />
      <Flex justify="space-between" align="center">
        <span style={{ color: '#888' }}>{signed ? t('fieldWork.complete.signed') : t('fieldWork.complete.signHere')}</span>
        <Button onClick={clear} disabled={!signed}>
          {t('fieldWork.complete.clearSignature')}
        </Button>
      </Flex>
    </Flex>
  );
}
