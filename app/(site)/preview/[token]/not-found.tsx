import { PreviewMissingMessage } from '@/components/site/preview-missing-message';

export default function PreviewNotFound() {
  return <PreviewMissingMessage />;
}
