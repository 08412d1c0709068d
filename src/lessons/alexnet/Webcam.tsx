import { useEffect, useRef, useState } from 'react';

/** Words for why the camera did not open, by the DOMException name getUserMedia rejects with. */
function cameraProblem(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'Camera access was denied. Allow the camera in the browser’s address bar and try again, or use a photo instead.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No camera was found on this computer. Use a photo instead.';
  if (name === 'NotReadableError' || name === 'AbortError') return 'The camera could not be started; another program may be using it. Close it and try again, or use a photo.';
  return `The camera could not be opened (${err instanceof Error ? err.message || err.name : String(err)}). Use a photo instead.`;
}

/** Why there is no camera API at all here, or null when there is one. */
function cameraUnavailable(): string | null {
  if (typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function') return null;
  if (typeof window !== 'undefined' && !window.isSecureContext) {
    return 'The webcam is not available here: browsers offer it only on secure pages (https:// or http://localhost). Use a photo instead.';
  }
  return 'This browser offers no webcam access (no getUserMedia). Use a photo instead.';
}

/**
 * A webcam button: opens the camera on request, shows the live picture, and hands a frame to `onCapture`.
 * The camera is released on "Close the webcam" and when the panel unmounts. Failures become a clear message.
 */
export function Webcam({ onCapture, disabled }: { onCapture: (video: HTMLVideoElement) => void; disabled: boolean }) {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [opening, setOpening] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const videoRef = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !stream) return;
    video.srcObject = stream;
    void video.play().catch(() => undefined);
    return () => {
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    };
  }, [stream]);

  const open = async () => {
    const unavailable = cameraUnavailable();
    if (unavailable) { setProblem(unavailable); return; }
    setOpening(true);
    setProblem(null);
    try {
      setStream(await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: false }));
    } catch (err) {
      setProblem(cameraProblem(err));
    } finally {
      setOpening(false);
    }
  };

  return (
    <div className="webcam">
      {!stream ? (
        <button type="button" onClick={() => void open()} disabled={opening}>{opening ? 'Opening the webcam…' : 'Use the webcam'}</button>
      ) : (
        <div className="webcam-live">
          <video ref={videoRef} muted playsInline aria-label="Live webcam picture" />
          <div className="buttons">
            <button type="button" className="primary" disabled={disabled} onClick={() => { if (videoRef.current) onCapture(videoRef.current); }}>Take a picture</button>
            <button type="button" onClick={() => setStream(null)}>Close the webcam</button>
          </div>
        </div>
      )}
      {problem && <p className="notice" role="alert">{problem}</p>}
    </div>
  );
}
