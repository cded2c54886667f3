import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * React Flow's own words for screen readers (what a node or an edge does when selected, where a
 * moved node went, a handle's name), in the app's language: its defaults are English, and each
 * flow puts them in the page whether it uses them or not. Both the journey map and the process
 * map pass these; the process map's places and links are not edited, so it has its own words for
 * what they are.
 */
export function useFlowAriaLabels(flow: 'journey' | 'processMap' = 'journey') {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      // React Flow reads these two the other way round from their names (12.12): a map whose
      // keyboard use is on describes its nodes with «keyboardDisabled», one whose keyboard use is
      // off with «default». The journey map's cards are moved and opened by keyboard; the process
      // map's places are not.
      'node.a11yDescription.keyboardDisabled':
        flow === 'processMap' ? t('program.placeDescription') : t('flow.nodeDescription'),
      'node.a11yDescription.default':
        flow === 'processMap' ? t('program.placeDescription') : t('flow.keyboardDisabled'),
      'node.a11yDescription.ariaLiveMessage': ({
        direction,
        x,
        y,
      }: {
        direction: string;
        x: number;
        y: number;
      }) =>
        t('flow.moved', {
          direction: t(`flow.${direction}`, direction),
          x: Math.round(x),
          y: Math.round(y),
        }),
      'edge.a11yDescription.default':
        flow === 'processMap' ? t('program.linkDescription') : t('flow.edgeDescription'),
      'handle.ariaLabel': t('flow.handle'),
    }),
    [t, flow],
  );
}
