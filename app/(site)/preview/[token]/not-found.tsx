import { PreviewMissingMessage } from '@/components/site/preview-missing';

export default function PreviewNotFound() {
  return <PreviewMissingMessage />;
}
